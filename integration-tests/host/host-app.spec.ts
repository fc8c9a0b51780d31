/**
 * Host-app test (the guide's "Pattern B"): the real install path. The built
 * plugin is packed with `npm pack`, npm-installed from the tarball into this
 * folder's node_modules, registered by package name with options in
 * medusa-config.ts, migrated with `medusa db:migrate`, and served by
 * `medusa start` in a separate process. This catches what in-repo tests
 * cannot: the exports map, files missing from the package, plugin migrations,
 * link sync and migration scripts run from node_modules, the admin bundle.
 */
import fs from "node:fs"
import path from "node:path"
import { startKaspiSandbox } from "../../sandbox"
import type { KaspiSandbox } from "../../sandbox/types"

// Plain-JS helpers shared with the demo (scripts/lib).
const { installBuiltPlugin, PACKAGE_NAME, ROOT } = require("../../scripts/lib/plugin-package")
const { recreateDatabase, dropDatabase, withClient } = require("../../scripts/lib/pick-postgres")
const { freePort, stopAll } = require("../../scripts/lib/services")
const { medusaEnv, runMedusa, startMedusa, adminToken, adminApi } = require("../../scripts/lib/medusa-app")

jest.setTimeout(120_000)

const HOST_DIR = __dirname
const INSTALLED = path.join(HOST_DIR, "node_modules", PACKAGE_NAME)
const LOG_DIR = path.join(ROOT, "test-artifacts", "host-app")
const DB_NAME = "medusa_kaspi_host_test"
const TOKEN = "host-test-token"
const MERCHANT_ID = "30999001"
const ADMIN = { email: "admin@kaspi-host.test", password: "host-test-password" }

const serverUrl = () =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME || "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD || "postgres")}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/postgres`

let sandbox: KaspiSandbox
let baseUrl: string
let databaseUrl: string
let packageFiles: string[]
let migrateOutput = ""
let api: (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>

const sql = async (query: string, params: unknown[] = []) =>
  (await withClient(databaseUrl, async (c: any) => (await c.query(query, params)).rows)) as any[]

beforeAll(async () => {
  fs.rmSync(LOG_DIR, { recursive: true, force: true })
  fs.mkdirSync(LOG_DIR, { recursive: true })
  // A fresh npm install every run (no reuse): installing the tarball is what is under test.
  packageFiles = installBuiltPlugin(HOST_DIR, { log: () => undefined, reuse: false }).files

  sandbox = await startKaspiSandbox({ tokens: [TOKEN], merchantId: MERCHANT_ID, port: 0, waybillDelayMs: 100 })
  // SKUs no product has: the poll job imports them as "needs attention", which is enough to see it ran.
  sandbox.seedOrders({ count: 3, seed: 7, skus: [{ sku: "HOST-UNKNOWN-1", price: 1000 }] })

  databaseUrl = await recreateDatabase(serverUrl(), DB_NAME)
  const env = medusaEnv(process.env, {
    DATABASE_URL: databaseUrl,
    KASPI_API_URL: sandbox.baseUrl,
    KASPI_API_TOKEN: TOKEN,
    KASPI_MERCHANT_ID: MERCHANT_ID,
    LOG_LEVEL: "info",
  })
  const logFile = path.join(LOG_DIR, "medusa.log")
  await runMedusa(HOST_DIR, ["db:migrate"], { env, logFile, onLine: (l: string) => (migrateOutput += `${l}\n`) })
  await runMedusa(HOST_DIR, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env, logFile })
  const port = await freePort(0)
  ;({ baseUrl } = await startMedusa(HOST_DIR, { port, env, logFile }))
  api = adminApi(baseUrl, await adminToken(baseUrl, ADMIN.email, ADMIN.password))
}, 300_000)

afterAll(async () => {
  await stopAll(15_000)
  await sandbox?.close()
  if (databaseUrl) await dropDatabase(serverUrl(), DB_NAME).catch(() => undefined)
})

describe("the package (npm pack of the build)", () => {
  it("ships the compiled plugin, its migrations, setup script and admin bundle, and no test or source code", () => {
    for (const f of [
      "package.json",
      ".medusa/server/src/modules/kaspi/index.js",
      ".medusa/server/src/modules/kaspi/service.js",
      ".medusa/server/src/migration-scripts/kaspi-account-setup.js",
      ".medusa/server/src/links/kaspi-order-order.js",
      ".medusa/server/src/jobs/poll-kaspi-orders.js",
      ".medusa/server/src/api/middlewares.js",
      ".medusa/server/src/admin/index.js",
      ".medusa/server/src/admin/index.mjs",
    ]) {
      expect(packageFiles).toContain(f)
    }
    expect(packageFiles.some((f) => /modules\/kaspi\/migrations\/Migration\d+\.js$/.test(f))).toBe(true)
    const leaked = packageFiles.filter((f) =>
      /__tests__|integration-tests|(^|\/)sandbox\/|(^|\/)demo\/|(^|\/)bench\/|medusa-config\.js$|\.spec\.|\.ts$/.test(f)
    )
    expect(leaked).toEqual([])
  })

  it("is installed as a real folder, not a link to the repository", () => {
    expect(fs.lstatSync(INSTALLED).isSymbolicLink()).toBe(false)
    expect(require.resolve(`${PACKAGE_NAME}/package.json`, { paths: [HOST_DIR] })).toBe(path.join(INSTALLED, "package.json"))
  })

  it("has an exports map whose every target exists and resolves from the host", () => {
    const { exports: map } = JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8"))
    const targets = Object.values(map).flatMap((t: any) => (typeof t === "string" ? [t] : Object.values(t))) as string[]
    for (const t of targets.filter((t) => !t.includes("*"))) {
      expect([t, fs.existsSync(path.join(INSTALLED, t))]).toEqual([t, true])
    }
    // How Medusa's module loader and a store's own code reach into the package.
    const resolveFromHost = (spec: string) => require.resolve(spec, { paths: [HOST_DIR] })
    expect(resolveFromHost(`${PACKAGE_NAME}/.medusa/server/src/modules/kaspi`)).toContain(INSTALLED)
    expect(resolveFromHost(`${PACKAGE_NAME}/modules/kaspi`)).toContain(INSTALLED)
    expect(resolveFromHost(`${PACKAGE_NAME}/admin`)).toContain(INSTALLED)
    expect(resolveFromHost(`${PACKAGE_NAME}/workflows`)).toContain(INSTALLED)
  })
})

describe("medusa db:migrate in the host", () => {
  it("runs the plugin's migrations from node_modules", async () => {
    const migrations = packageFiles
      .filter((f) => /modules\/kaspi\/migrations\/Migration\d+\.js$/.test(f))
      .map((f) => path.basename(f, ".js"))
    const applied = (await sql("select name from mikro_orm_migrations")).map((r) => r.name)
    expect(applied).toEqual(expect.arrayContaining(migrations))
    const tables = (await sql("select table_name from information_schema.tables where table_schema = 'public'")).map((r) => r.table_name)
    expect(tables).toEqual(expect.arrayContaining(["kaspi_order", "kaspi_store_mapping", "kaspi_sku_mapping", "kaspi_account_settings"]))
  })

  it("syncs the plugin's link (Kaspi order ↔ Medusa order)", async () => {
    const links = await sql("select table_name from link_module_migrations where table_name like 'kaspi%'")
    expect(links.map((r) => r.table_name)).toContain("kaspi_kaspi_order_order_order")
    const [{ exists }] = await sql("select to_regclass('public.kaspi_kaspi_order_order_order') is not null as exists")
    expect(exists).toBe(true)
  })

  it("runs the setup migration script from the package: KZT region, Kaspi.kz channel, Kaspi shipping option", async () => {
    expect(migrateOutput).toContain(path.join("node_modules", PACKAGE_NAME, ".medusa", "server", "src", "migration-scripts", "kaspi-account-setup.js"))
    expect((await sql("select script_name from script_migrations where finished_at is not null")).map((r) => r.script_name)).toContain(
      "kaspi-account-setup.js"
    )
    expect(await sql("select id from region where currency_code = 'kzt' and deleted_at is null")).toHaveLength(1)
    expect(await sql("select id from sales_channel where name = 'Kaspi.kz' and deleted_at is null")).toHaveLength(1)
    expect(await sql("select id from shipping_option where name = 'Kaspi' and deleted_at is null")).toHaveLength(1)
  })
})

describe("medusa start in the host", () => {
  it("runs the plugin's code from the installed package only", async () => {
    const res = await fetch(`${baseUrl}/host-probe`)
    expect(res.status).toBe(200)
    const { loaded, package_json } = await res.json()
    expect(package_json).toBe(path.join(INSTALLED, "package.json"))
    const fromPackage = loaded.filter((f: string) => f.startsWith(INSTALLED + path.sep))
    for (const f of ["modules/kaspi/index.js", "modules/kaspi/service.js", "jobs/poll-kaspi-orders.js", "api/admin/kaspi/accounts/route.js"]) {
      expect(fromPackage).toContain(path.join(INSTALLED, ".medusa", "server", "src", f))
    }
    // Nothing from the repository's own source or build.
    const fromRepo = loaded.filter((f: string) => f.startsWith(path.join(ROOT, "src")) || f.startsWith(path.join(ROOT, ".medusa")))
    expect(fromRepo).toEqual([])
  })

  it("loads the module with the host's options (merchant id; token from KASPI_API_TOKEN)", async () => {
    const { status, body } = await api("GET", "/admin/kaspi/accounts")
    expect(status).toBe(200)
    expect(body.accounts).toEqual([expect.objectContaining({ id: "default", merchantId: MERCHANT_ID })])
    const test = await api("POST", "/admin/kaspi/accounts/default/test-connection")
    expect(test.body.connection).toEqual(expect.objectContaining({ ok: true }))
  })

  it("serves the admin routes behind auth", async () => {
    expect((await fetch(`${baseUrl}/admin/kaspi/accounts`)).status).toBe(401)
    expect((await api("GET", "/admin/kaspi/store-mappings")).status).toBe(200)
  })

  it("serves the public feed route: 404 for a wrong secret, 503 before the first build", async () => {
    const wrong = await fetch(`${baseUrl}/kaspi/feed/default/${"x".repeat(43)}.xml`)
    expect(wrong.status).toBe(404)
    const enabled = await api("POST", "/admin/kaspi/feed/default/config", { enabled: true })
    expect(enabled.status).toBe(200)
    const feed = await fetch(`${baseUrl}${enabled.body.config.feed_path}`)
    expect(feed.status).toBe(503)
  })

  it("serves the admin with the plugin's extension bundle", async () => {
    const html = await fetch(`${baseUrl}/app`)
    expect(html.status).toBe(200)
    const entry = await (await fetch(`${baseUrl}/app/entry.jsx`)).text()
    // vite pre-bundles "medusa-plugin-kaspi/admin" (resolved through the exports map) as medusa-plugin-kaspi_admin.js.
    const m = /import \w+ from "([^"]*medusa-plugin-kaspi[^"]*)"/.exec(entry)
    expect(m).not.toBeNull()
    const served = await fetch(`${baseUrl}${m![1]}`)
    expect(served.status).toBe(200)
    const code = await served.text()
    // A Medusa admin extension bundle, with every admin route the package declares.
    expect(code).toContain("routeModule")
    const bundle = fs.readFileSync(path.join(INSTALLED, ".medusa", "server", "src", "admin", "index.mjs"), "utf8")
    for (const [, route] of bundle.matchAll(/path: *"(\/[^"]*)"/g)) expect(code).toContain(`"${route}"`)
  })

  it("runs the order poll job on its schedule", async () => {
    const deadline = Date.now() + 40_000
    let polled = false
    while (!polled && Date.now() < deadline) {
      polled = sandbox.requests().some((r) => r.route === "GET /v2/orders" && r.status === 200)
      if (!polled) await new Promise((r) => setTimeout(r, 1_000))
    }
    expect(polled).toBe(true)
    // The job's import reached the database: the sandbox's orders are recorded (their SKU is unknown here).
    const until = Date.now() + 20_000
    let recorded: any[] = []
    while (recorded.length < 3 && Date.now() < until) {
      recorded = await sql("select code, import_status from kaspi_order")
      if (recorded.length < 3) await new Promise((r) => setTimeout(r, 1_000))
    }
    expect(recorded.length).toBeGreaterThanOrEqual(1)
  })
})
