/**
 * Smoke test of `npm run demo` (scripts/demo.js) as a user runs it: start it,
 * wait for the URLs it prints, check that Kaspi orders become Medusa orders
 * (admin API, with the printed login) and keep arriving, that the printed feed
 * URL serves XML valid against Kaspi's schema, then stop it with SIGTERM and
 * check that nothing it started is left running.
 *
 * It forces the embedded PostgreSQL (the path a machine without PostgreSQL
 * takes), so CI also proves Medusa runs on the PostgreSQL that package ships.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { validateAgainstXsd } from "../../src/lib/feed/__tests__/xsd"

const { freePort, portOpen, alive, sleep } = require("../../scripts/lib/services")

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, "..", "..")
const LOG = path.join(ROOT, "test-artifacts", "demo", "demo.log")

let demo: ChildProcess
let output = ""
let exitCode: number | null | undefined
let printed: { admin: string; email: string; password: string; feedUrl: string; sandbox: string; pids: Record<string, number> }
let port: number
let token: string
/** Codes of the sandbox's orders when the demo said it was up: anything else arrived later. */
let codesAtStart: Set<string>

const tail = () => output.split("\n").slice(-40).join("\n")

function parseBanner(text: string) {
  const grab = (re: RegExp) => {
    const m = re.exec(text)
    if (!m) throw new Error(`the demo did not print ${re}:\n${text}`)
    return m
  }
  const [, email, password] = grab(/Login:\s+(\S+) \/ (\S+)/)
  const pids = Object.fromEntries(
    grab(/Processes:\s+(.+)/)[1].split(",").map((p) => {
      const [name, pid] = p.trim().split(" ")
      return [name, Number(pid)]
    })
  )
  return {
    admin: grab(/Admin:\s+(\S+)/)[1],
    email,
    password,
    feedUrl: grab(/Feed URL:\s+(http\S+)/)[1],
    sandbox: grab(/Sandbox:\s+(\S+)/)[1],
    pids,
  }
}

async function admin(route: string) {
  const res = await fetch(`http://localhost:${port}${route}`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`GET ${route}: HTTP ${res.status} ${await res.text()}`)
  return res.json()
}

async function sandboxCodes(): Promise<Set<string>> {
  const { orders } = await (await fetch(printed.sandbox)).json()
  return new Set((orders as Array<{ code: string }>).map((o) => o.code))
}

/** Medusa orders that the plugin imported from Kaspi (their metadata carries the Kaspi code). */
async function kaspiOrders(): Promise<Array<{ id: string; metadata: any; sales_channel_id: string }>> {
  const { orders } = await admin("/admin/orders?limit=200&fields=id,metadata,sales_channel_id")
  return orders.filter((o: any) => o.metadata?.kaspi_code)
}

/** Polls fn until it returns something truthy; an error counts as "not yet" (the last one is reported). */
async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError = ""
  while (Date.now() < deadline) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e: any) {
      if (exitCode !== undefined) throw e
      lastError = `${e?.message ?? e}${e?.cause ? ` (${e.cause.code ?? e.cause.message})` : ""}`
    }
    await sleep(1_000)
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `; last error: ${lastError}` : ""}\n${tail()}`)
}

beforeAll(async () => {
  fs.mkdirSync(path.dirname(LOG), { recursive: true })
  port = await freePort(0)
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const k of ["DATABASE_URL", "KASPI_API_URL", "KASPI_API_TOKEN", "KASPI_MERCHANT_ID", "NODE_OPTIONS", "NODE_ENV", "TEST_TYPE"]) delete env[k]
  Object.assign(env, {
    PORT: String(port),
    KASPI_SANDBOX_PORT: "0",
    KASPI_DEMO_POSTGRES: "embedded",
    KASPI_DEMO_ORDERS: "12",
    KASPI_DEMO_ORDER_EVERY: "4",
    LOG_LEVEL: "info",
  })
  demo = spawn(process.execPath, [path.join(ROOT, "scripts", "demo.js")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
  const log = fs.createWriteStream(LOG)
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    log.write(chunk)
  }
  demo.stdout!.on("data", collect)
  demo.stderr!.on("data", collect)
  demo.on("exit", (code) => {
    exitCode = code
    log.end()
  })
  await waitFor(
    "the demo's URLs",
    async () => {
      if (exitCode !== undefined) throw new Error(`the demo exited (code ${exitCode}) before it was up:\n${tail()}`)
      return output.includes("Kaspi demo is up") && output.includes("Kaspi orders show up")
    },
    240_000
  )
  printed = parseBanner(output)
  codesAtStart = await sandboxCodes()
}, 300_000)

afterAll(async () => {
  // Only if a test failed before the stop test ran.
  if (demo && exitCode === undefined) {
    demo.kill("SIGTERM")
    await sleep(20_000)
  }
})

it("prints the admin URL and login, the feed URL with its secret, and the sandbox URL", async () => {
  expect(printed.admin).toBe(`http://localhost:${port}/app`)
  expect(printed.feedUrl).toMatch(new RegExp(`^http://localhost:${port}/kaspi/feed/default/[A-Za-z0-9_-]{16,}\\.xml$`))
  expect(printed.pids).toEqual({ postgres: expect.any(Number), "kaspi-sandbox": expect.any(Number), medusa: expect.any(Number) })
  expect((await fetch(printed.admin)).status).toBe(200)
  expect((await fetch(printed.sandbox)).status).toBe(200)
})

it("logs in with a password made for this run, and listens on this machine only", async () => {
  // Not the constant the repository once had, and long enough not to be guessed.
  expect(printed.password).not.toBe("kaspi-demo")
  expect(printed.password.length).toBeGreaterThanOrEqual(12)
  expect(output).not.toContain("demo-jwt-secret")
  // The store is bound to 127.0.0.1: an address of this machine on its network does not answer.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === "IPv4" && !i.internal)
  if (external) expect(await portOpen(port, external.address)).toBe(false)
  expect(await portOpen(port, "127.0.0.1")).toBe(true)
})

it("refuses to point the demo at the real Kaspi unless asked explicitly", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, KASPI_API_URL: "https://kaspi.kz/shop/api", KASPI_API_TOKEN: "not-a-real-token", PORT: "0" }
  delete env.KASPI_DEMO_ALLOW_REAL_KASPI
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "demo.js")], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 })
  expect(r.status).not.toBe(0)
  expect(`${r.stdout}${r.stderr}`).toMatch(/points at the real Kaspi.*KASPI_DEMO_ALLOW_REAL_KASPI=1/s)
  expect(`${r.stdout}${r.stderr}`).not.toContain("not-a-real-token")
})

it("turns the sandbox's Kaspi orders into Medusa orders, and keeps importing new ones", async () => {
  const login = await fetch(`http://localhost:${port}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: printed.email, password: printed.password }),
  })
  expect(login.status).toBe(200)
  token = (await login.json()).token

  const first = await waitFor("imported Kaspi orders", async () => {
    const o = await kaspiOrders()
    return o.length >= 3 && o
  }, 60_000)
  const known = await sandboxCodes()
  for (const o of first) expect(known.has(o.metadata.kaspi_code)).toBe(true)
  const { sales_channels } = await admin("/admin/sales-channels?name=Kaspi.kz")
  expect(new Set(first.map((o) => o.sales_channel_id))).toEqual(new Set([sales_channels[0].id]))

  // The sandbox streams a new order every 4 s and the store polls every 10 s:
  // an order Kaspi received after the demo was up becomes a Medusa order.
  await waitFor(
    "an order the sandbox made after the demo was up to be imported",
    async () => (await kaspiOrders()).some((o) => !codesAtStart.has(o.metadata.kaspi_code)),
    60_000
  )
})

it("serves the feed at the printed URL, valid against Kaspi's XSD, with the demo catalog", async () => {
  const res = await fetch(printed.feedUrl)
  expect(res.status).toBe(200)
  expect(res.headers.get("content-type")).toMatch(/xml/)
  const xml = await res.text()
  const { valid, errors } = await validateAgainstXsd(xml)
  expect(errors).toEqual([])
  expect(valid).toBe(true)
  const { products } = require(path.join(ROOT, "demo", "catalog.json"))
  const variants = products.reduce((n: number, p: any) => n + p.variants.length, 0)
  expect(xml.match(/<offer /g)).toHaveLength(variants)
  expect(xml).toContain('storeId="PP1"')
  expect(xml).toContain('storeId="PP2"')
})

it("stops everything it started on SIGTERM", async () => {
  demo.kill("SIGTERM")
  await waitFor("the demo to exit", async () => exitCode !== undefined, 60_000)
  expect(exitCode).toBe(0)
  expect(output).toContain("nothing left running")
  for (const [name, pid] of Object.entries(printed.pids)) expect([name, alive(pid)]).toEqual([name, false])
  expect(await portOpen(port)).toBe(false)
  expect(await portOpen(Number(new URL(printed.sandbox).port))).toBe(false)
  const dataDir = /data in (\S+?),/.exec(output)?.[1]
  expect(dataDir && fs.existsSync(dataDir)).toBe(false)
})
