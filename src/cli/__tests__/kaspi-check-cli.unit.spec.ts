import { spawn } from "node:child_process"
import path from "node:path"
import { startKaspiSandbox } from "../../../sandbox"
import type { KaspiSandbox } from "../../../sandbox/types"

/**
 * The set-up CLI as a merchant runs it: a separate node process (from source
 * through ts-node; the build compiles the same file), the token only in the
 * environment, the real exit code and output. No database, no Medusa.
 */
const ROOT = path.resolve(__dirname, "..", "..", "..")
const CLI = path.join(ROOT, "src", "cli", "kaspi-check.ts")
const TOKEN = "SENTINEL-cli-token-must-never-leak-000000"
let sandbox: KaspiSandbox

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (err += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, out, err }))
  })
}

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 5 })
  sandbox.seedOrders({ count: 4, seed: 5 })
})
afterAll(() => sandbox.close())

const base = () => ["--merchant-id", sandbox.merchantIds[0], "--api-url", sandbox.baseUrl, "--timeout-ms", "1500"]

it("prints every probe held and exits 0", async () => {
  const r = await cli(base(), { KASPI_API_TOKEN: TOKEN })
  expect(r.err).toBe("")
  expect(r.code).toBe(0)
  expect(r.out).toContain(`merchant ${sandbox.merchantIds[0]}`)
  expect(r.out).toMatch(/✓ held\s+Token accepted: HTTP 200/)
  expect(r.out).toContain("10 held, 0 failed, 0 skipped.")
  expect(r.out).toMatch(/✓ held\s+Archived orders by status/)
  expect(r.out).not.toContain(TOKEN)
})

it("a token Kaspi refuses: exit 1, Kaspi's words, the hint, the rest skipped", async () => {
  const r = await cli(base(), { KASPI_API_TOKEN: "a-token-of-another-shop" })
  expect(r.code).toBe(1)
  expect(r.out).toMatch(/✗ failed\s+Token accepted: HTTP 401: Invalid X-Auth-Token/)
  expect(r.out).toContain("Settings → API token")
  expect(r.out).toMatch(/- skipped\s+Cities/)
  expect(r.out).not.toContain("a-token-of-another-shop")
})

it("a Kaspi that never answers: exit 1 with the Kazakhstan / User-Agent hint, as JSON too", async () => {
  sandbox.setFaults({ rate: 1, kinds: ["timeout"] })
  try {
    const r = await cli([...base(), "--json"], { KASPI_API_TOKEN: TOKEN })
    expect(r.code).toBe(1)
    const result = JSON.parse(r.out)
    expect(result.probes[0]).toMatchObject({ id: "reachability", status: "failed", hint_key: "geo_waf" })
    expect(result.probes[0].hint).toMatch(/Kazakhstan/)
    expect(result.probes[0].hint).toMatch(/User-Agent/)
    expect(r.out).not.toContain(TOKEN)
  } finally {
    sandbox.setFaults({ rate: 0, kinds: [] })
  }
})

it("--window-days 14 tries the widest window a merchant may configure; a Kaspi counting calendar days refuses it", async () => {
  // The sandbox reads "14 days" as 14 Almaty calendar days, both ends counted (API.md a.0, a.1).
  const r = await cli([...base(), "--window-days", "14", "--json"], { KASPI_API_TOKEN: TOKEN })
  expect(r.code).toBe(1)
  const window = JSON.parse(r.out).probes.find((p: { id: string }) => p.id === "window")
  expect(window).toMatchObject({ status: "failed", hint_key: "window_too_wide", detail: { days: 14 } })
  expect(window.kaspi_says).toMatch(/^HTTP 400/)
  expect((await cli([...base(), "--window-days", "15"], { KASPI_API_TOKEN: TOKEN })).code).toBe(2)
})

it("refuses a token on the command line and a missing token or merchant id (exit 2)", async () => {
  const argv = await cli([...base(), "--token", TOKEN])
  expect(argv.code).toBe(2)
  expect(argv.err).toMatch(/never from the command line/)
  expect(argv.err).not.toContain(TOKEN)
  expect((await cli(base())).err).toMatch(/set KASPI_API_TOKEN/)
  expect((await cli(["--api-url", sandbox.baseUrl], { KASPI_API_TOKEN: TOKEN })).code).toBe(2)
  const help = await cli(["--help"])
  expect(help.code).toBe(0)
  expect(help.out).toContain("Usage: KASPI_API_TOKEN=")
})
