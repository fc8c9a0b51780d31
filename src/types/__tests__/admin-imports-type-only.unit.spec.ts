import fs from "node:fs"
import path from "node:path"

/**
 * The admin bundle is built for the browser: it may use the server's types
 * (src/types, the validators, the models) but never its code. Type-only imports
 * are erased by the bundler; a value import would pull zod, the models or worse
 * into the bundle. This keeps every import that leaves src/admin type-only.
 */
const ADMIN = path.join(__dirname, "..", "..", "admin")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.tsx?$/.test(e.name) ? [p] : []
  })
}

// `import …`/`export … from` statements, possibly over several lines, and bare `import "…"`, with their specifier.
const STATEMENT = /^(import|export)\s+([^;]*?)\s+from\s+["']([^"']+)["']|^import\s+()["']([^"']+)["']/gms

function importsLeavingAdmin(file: string, text: string): { statement: string; typeOnly: boolean }[] {
  const found: { statement: string; typeOnly: boolean }[] = []
  for (const m of text.matchAll(STATEMENT)) {
    const specifier = m[3] ?? m[5]
    if (!specifier.startsWith(".")) continue
    const target = path.resolve(path.dirname(file), specifier)
    if (target === ADMIN || target.startsWith(ADMIN + path.sep)) continue
    found.push({ statement: m[0], typeOnly: /^type\s/.test(m[2] ?? "") })
  }
  return found
}

describe("the admin imports the server's types, never its code", () => {
  it("recognises a value import that leaves src/admin (so the check below can fail)", () => {
    const file = path.join(ADMIN, "lib", "api.ts")
    expect(importsLeavingAdmin(file, 'import { AdminListKaspiOrders } from "../../api/admin/kaspi/validators"')).toEqual([
      { statement: 'import { AdminListKaspiOrders } from "../../api/admin/kaspi/validators"', typeOnly: false },
    ])
    expect(importsLeavingAdmin(file, 'import type {\n  Jsonified,\n} from "../../types"')[0].typeOnly).toBe(true)
    expect(importsLeavingAdmin(file, 'import "../../modules/kaspi"')).toEqual([{ statement: 'import "../../modules/kaspi"', typeOnly: false }])
    expect(importsLeavingAdmin(file, 'import { sdk } from "./sdk"')).toEqual([])
  })

  it("every import from outside src/admin is type-only, and the admin does use src/types", () => {
    const leaving = sourceFiles(ADMIN).flatMap((f) =>
      importsLeavingAdmin(f, fs.readFileSync(f, "utf8")).map((i) => ({ file: path.relative(ADMIN, f), ...i }))
    )
    expect(leaving.filter((i) => !i.typeOnly)).toEqual([])
    expect(leaving.some((i) => i.statement.includes("../../types"))).toBe(true)
  })
})
