import fs from "node:fs"
import path from "node:path"

/**
 * The admin bundle is built for the browser: it may use the server's types
 * (src/types, the validators, the models) but never its code. Type-only imports
 * are erased by the bundler; a value import would pull zod, the models or worse
 * into the bundle. This keeps every import that leaves src/admin type-only,
 * but for the server's sentences (src/lib/texts/said-*.ts): plain data both
 * sides say (the admin through i18next, the notifications on the server), which
 * themselves import nothing but types.
 */
const ADMIN = path.join(__dirname, "..", "..", "admin")
const SHARED_DATA = ["said-en.ts", "said-ru.ts"].map((f) => path.join(__dirname, "..", "..", "lib", "texts", f))
const isSharedData = (target: string) => SHARED_DATA.some((f) => f === `${target}.ts` || f === target)

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.tsx?$/.test(e.name) ? [p] : []
  })
}

// `import …`/`export … from` statements, possibly over several lines, and bare `import "…"`, with their specifier.
const STATEMENT = /^(import|export)\s+([^;]*?)\s+from\s+["']([^"']+)["']|^import\s+()["']([^"']+)["']/gms

function importsLeavingAdmin(file: string, text: string): { statement: string; typeOnly: boolean; target: string }[] {
  const found: { statement: string; typeOnly: boolean; target: string }[] = []
  for (const m of text.matchAll(STATEMENT)) {
    const specifier = m[3] ?? m[5]
    if (!specifier.startsWith(".")) continue
    const target = path.resolve(path.dirname(file), specifier)
    if (target === ADMIN || target.startsWith(ADMIN + path.sep)) continue
    found.push({ statement: m[0], typeOnly: /^type\s/.test(m[2] ?? ""), target })
  }
  return found
}

describe("the admin imports the server's types, never its code", () => {
  it("recognises a value import that leaves src/admin (so the check below can fail)", () => {
    const file = path.join(ADMIN, "lib", "api.ts")
    expect(importsLeavingAdmin(file, 'import { AdminListKaspiOrders } from "../../api/admin/kaspi/validators"')).toEqual([
      { statement: 'import { AdminListKaspiOrders } from "../../api/admin/kaspi/validators"', typeOnly: false, target: expect.any(String) },
    ])
    expect(importsLeavingAdmin(file, 'import type {\n  Jsonified,\n} from "../../types"')[0].typeOnly).toBe(true)
    expect(importsLeavingAdmin(file, 'import "../../modules/kaspi"')).toEqual([{ statement: 'import "../../modules/kaspi"', typeOnly: false, target: expect.any(String) }])
    expect(isSharedData(importsLeavingAdmin(file, 'import saidEn from "../../lib/texts/said-en"')[0].target)).toBe(true)
    expect(isSharedData(importsLeavingAdmin(file, 'import { sayKaspiText } from "../../lib/texts/say-kaspi-text"')[0].target)).toBe(false)
    expect(importsLeavingAdmin(file, 'import { sdk } from "./sdk"')).toEqual([])
  })

  it("every import from outside src/admin is type-only, and the admin does use src/types", () => {
    const leaving = sourceFiles(ADMIN).flatMap((f) =>
      importsLeavingAdmin(f, fs.readFileSync(f, "utf8")).map((i) => ({ file: path.relative(ADMIN, f), ...i }))
    )
    expect(leaving.filter((i) => !i.typeOnly && !isSharedData(i.target))).toEqual([])
    expect(leaving.some((i) => i.statement.includes("../../types"))).toBe(true)
  })

  it("the sentences shared with the server import nothing but types", () => {
    for (const f of SHARED_DATA) {
      const imports = [...fs.readFileSync(f, "utf8").matchAll(STATEMENT)].map((m) => ({ statement: m[0], typeOnly: /^type\s/.test(m[2] ?? "") }))
      expect(imports.filter((i) => !i.typeOnly)).toEqual([])
    }
  })
})
