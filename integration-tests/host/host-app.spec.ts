/**
 * Host-app test (the guide's "Pattern B"), as a matrix: the real install path
 * into plain Medusa stores at the OLDEST Medusa the plugin supports (the floor
 * of its peer range) and at the NEWEST 2.x release on npm. Each store has its
 * own full npm install of that Medusa, outside the repository; the plugin goes
 * in with a plain `npm install` (no --legacy-peer-deps, and no peer warning
 * allowed): into the oldest store from the packed tarball, into the newest
 * from a git URL (npm clones, installs dev dependencies, `prepare` builds,
 * packs). Each is registered by package name with options in
 * medusa-config.ts, migrated with `medusa db:migrate` and served by
 * `medusa start` (the store's own CLI) in a separate process. This catches
 * what in-repo tests cannot: peer ranges, the exports map, files missing from
 * the package, plugin migrations, link sync and migration scripts run from
 * node_modules, the admin bundle, APIs missing from an older Medusa.
 *
 * KASPI_HOST_MEDUSA="2.16.0:tarball,2.21.2:git" chooses the stores;
 * KASPI_HOST_FRESH=1 reinstalls Medusa in them (they are kept between runs).
 */
import fs from "node:fs"
import path from "node:path"
import { startKaspiSandbox } from "../../sandbox"
import type { KaspiSandbox } from "../../sandbox/types"

// Plain-JS helpers shared with the demo (scripts/lib).
const { buildPlugin, packPlugin, verifyInstalledMatchesTarball, PACKAGE_NAME, ROOT } = require("../../scripts/lib/plugin-package")
const { oldestSupportedMedusa, newestMedusa2, prepareStore, installPlugin, peerWarnings, snapshotRepo } = require("../../scripts/lib/host-store")
const { recreateDatabase, dropDatabase, withClient } = require("../../scripts/lib/pick-postgres")
const { freePort, stopAll } = require("../../scripts/lib/services")
const { medusaEnv, runMedusa, startMedusa, adminToken, adminApi, storeCli } = require("../../scripts/lib/medusa-app")

jest.setTimeout(120_000)

type Via = "tarball" | "git"
interface StoreCase {
  version: string
  via: Via
}

function matrix(): StoreCase[] {
  const chosen = process.env.KASPI_HOST_MEDUSA
  if (chosen) {
    return chosen.split(",").map((item) => {
      const [version, via = "tarball"] = item.trim().split(":")
      return { version, via: via as Via }
    })
  }
  const oldest = oldestSupportedMedusa()
  const newest = newestMedusa2()
  return [
    { version: oldest, via: "tarball" },
    { version: newest, via: "git" },
  ]
}

const TOKEN = "host-test-token"
const MERCHANT_ID = "30999001"
const ADMIN = { email: "admin@kaspi-host.test", password: "host-test-password" }
const timings: Record<string, Record<string, number>> = {}

const serverUrl = () =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME || "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD || "postgres")}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/postgres`

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "node_modules" ? [] : listFiles(p, base)
    return [path.relative(base, p).split(path.sep).join("/")]
  })
}

afterAll(() => {
  // The figures CI's budget is checked against (also in test-artifacts/host-app/timings.json).
  fs.mkdirSync(path.join(ROOT, "test-artifacts", "host-app"), { recursive: true })
  fs.writeFileSync(path.join(ROOT, "test-artifacts", "host-app", "timings.json"), JSON.stringify(timings, null, 2))
  console.log(`host-app timings (s): ${JSON.stringify(timings)}`)
})

describe.each(matrix())("a Medusa $version store, the plugin installed from a $via", ({ version, via }: StoreCase) => {
  const LOG_DIR = path.join(ROOT, "test-artifacts", "host-app", version)
  const DB_NAME = `medusa_kaspi_host_${version.replace(/\W/g, "_")}`
  let HOST_DIR: string
  let INSTALLED: string
  let sandbox: KaspiSandbox
  let baseUrl: string
  let databaseUrl: string
  let packageFiles: string[]
  let pluginInstallOutput = ""
  let migrateOutput = ""
  let api: (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>

  const sql = async (query: string, params: unknown[] = []) =>
    (await withClient(databaseUrl, async (c: any) => (await c.query(query, params)).rows)) as any[]

  beforeAll(async () => {
    const t: Record<string, number> = (timings[`${version} (${via})`] = {})
    const stopwatch = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
      const started = Date.now()
      try {
        return await fn()
      } finally {
        t[name] = Math.round((Date.now() - started) / 100) / 10
      }
    }
    fs.rmSync(LOG_DIR, { recursive: true, force: true })
    fs.mkdirSync(LOG_DIR, { recursive: true })
    const store = await stopwatch("medusa_install", () => prepareStore(version, { fresh: process.env.KASPI_HOST_FRESH === "1" }))
    HOST_DIR = store.dir
    INSTALLED = path.join(HOST_DIR, "node_modules", PACKAGE_NAME)
    fs.writeFileSync(path.join(LOG_DIR, "store-install.log"), store.install.output)
    if (via === "tarball") {
      // A fresh pack and npm install every run: installing the tarball is what is under test.
      buildPlugin({ log: () => undefined })
      const packDir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "kaspi-tarball-"))
      const pack = packPlugin(packDir)
      pluginInstallOutput = (await stopwatch("plugin_install", () => installPlugin(HOST_DIR, pack.tarball))).output
      packageFiles = verifyInstalledMatchesTarball(pack.tarball, INSTALLED).files
      fs.rmSync(packDir, { recursive: true, force: true })
    } else {
      const repo = snapshotRepo()
      pluginInstallOutput = (await stopwatch("plugin_install", () => installPlugin(HOST_DIR, repo.url))).output
      packageFiles = listFiles(INSTALLED)
      fs.rmSync(repo.dir, { recursive: true, force: true })
    }
    fs.writeFileSync(path.join(LOG_DIR, "plugin-install.log"), pluginInstallOutput)

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
    const cli = storeCli(HOST_DIR)
    const logFile = path.join(LOG_DIR, "medusa.log")
    await stopwatch("migrate", () =>
      runMedusa(HOST_DIR, ["db:migrate"], { env, logFile, cli, onLine: (l: string) => (migrateOutput += `${l}\n`) })
    )
    await runMedusa(HOST_DIR, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env, logFile, cli })
    const port = await freePort(0)
    ;({ baseUrl } = await stopwatch("start", () => startMedusa(HOST_DIR, { port, env, logFile, cli })))
    api = adminApi(baseUrl, await adminToken(baseUrl, ADMIN.email, ADMIN.password))
  }, 1_200_000)

  afterAll(async () => {
    await stopAll(15_000)
    await sandbox?.close()
    if (databaseUrl) await dropDatabase(serverUrl(), DB_NAME).catch(() => undefined)
  })

  describe("npm install of the plugin", () => {
    it(`runs Medusa ${version} itself, from the store's own node_modules`, () => {
      const medusa = require.resolve("@medusajs/medusa/package.json", { paths: [HOST_DIR] })
      expect(medusa.startsWith(path.join(HOST_DIR, "node_modules"))).toBe(true)
      expect(JSON.parse(fs.readFileSync(medusa, "utf8")).version).toBe(version)
    })

    it("satisfies every peer dependency: no --legacy-peer-deps, no peer warning", () => {
      expect(peerWarnings(pluginInstallOutput)).toEqual([])
      const installed = JSON.parse(fs.readFileSync(path.join(INSTALLED, "package.json"), "utf8"))
      expect(installed.name).toBe(PACKAGE_NAME)
    })

    it("resolves react-i18next to the same copy the admin dashboard uses", () => {
      const dashboard = path.dirname(require.resolve("@medusajs/dashboard/package.json", { paths: [HOST_DIR] }))
      const fromPlugin = require.resolve("react-i18next/package.json", { paths: [INSTALLED] })
      expect(require.resolve("react-i18next/package.json", { paths: [dashboard] })).toBe(fromPlugin)
    })
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
})
