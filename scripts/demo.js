#!/usr/bin/env node
/**
 * `npm run demo`: one command to a working store.
 *
 * PostgreSQL (DATABASE_URL, else localhost:5432, else an embedded one) → a
 * fresh database → `medusa plugin:build` → `npm pack` → the tarball installed
 * into the demo store (demo/) → `medusa db:migrate` (runs the plugin's setup
 * script) → an admin user → the demo catalog → the Kaspi sandbox streaming
 * orders → `medusa start` → the feed enabled and built → the URLs printed.
 * Ctrl-C stops everything it started. See docs/demo.md.
 */
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const { installBuiltPlugin } = require("./lib/plugin-package")
const { pickPostgres, recreateDatabase } = require("./lib/pick-postgres")
const { startService, stopAll, freePort, portOpen, runningServices } = require("./lib/services")
const { medusaEnv, runMedusa, startMedusa, adminToken, adminApi } = require("./lib/medusa-app")

const ROOT = path.resolve(__dirname, "..")
const DEMO_DIR = path.join(ROOT, "demo")
const LOG_DIR = path.join(DEMO_DIR, ".data", "logs")
const ACCOUNT_ID = "default"

const env = process.env
const config = {
  port: Number(env.PORT || 9000),
  database: env.KASPI_DEMO_DB || "medusa_kaspi_demo",
  externalKaspi: Boolean(env.KASPI_API_URL),
  kaspiApiUrl: env.KASPI_API_URL,
  // The bundled sandbox always gets the fake token: a real one set in the shell must never be
  // printed in the banner or passed on the sandbox's command line.
  kaspiToken: env.KASPI_API_URL ? env.KASPI_API_TOKEN || "" : "demo-token",
  merchantId: env.KASPI_MERCHANT_ID || "30123456",
  sandboxPort: Number(env.KASPI_SANDBOX_PORT ?? 4010),
  seededOrders: Number(env.KASPI_DEMO_ORDERS ?? 24),
  orderEverySeconds: Number(env.KASPI_DEMO_ORDER_EVERY ?? 20),
  adminEmail: env.KASPI_DEMO_ADMIN_EMAIL || "admin@kaspi-demo.test",
  // A fresh password per run (printed in the banner): a demo left running on a shared machine is not
  // an admin anyone can guess. KASPI_DEMO_ADMIN_PASSWORD sets one.
  adminPassword: env.KASPI_DEMO_ADMIN_PASSWORD || crypto.randomBytes(12).toString("base64url"),
  // Session and token signing secrets, new every run (never a constant known from the repository).
  jwtSecret: crypto.randomBytes(32).toString("hex"),
  cookieSecret: crypto.randomBytes(32).toString("hex"),
  // The store listens on this machine only unless HOST says otherwise (Medusa's own variable).
  host: env.HOST || "127.0.0.1",
  allowRealKaspi: env.KASPI_DEMO_ALLOW_REAL_KASPI === "1",
  verbose: env.KASPI_DEMO_VERBOSE === "1",
  forceBuild: env.KASPI_DEMO_REBUILD === "1",
}

const started = Date.now()
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`
const say = (msg) => console.log(`${stamp()} ${msg}`)

let postgres = null
let stopping = false

async function shutdown(code) {
  if (stopping) return
  stopping = true
  console.log(`\n${stamp()} stopping: ${runningServices().map((s) => `${s.name} (${s.pid})`).join(", ") || "nothing running"}`)
  // Server first (it holds database connections), the database last.
  await stopAll(15_000)
  if (postgres) await postgres.stop().catch(() => undefined)
  console.log(`${stamp()} stopped; nothing left running`)
  process.exit(code)
}

function onSignal(signal) {
  if (stopping) {
    // A second Ctrl-C: no more waiting.
    for (const s of runningServices()) {
      try {
        process.kill(-s.pid, "SIGKILL")
      } catch {}
    }
    process.exit(130)
  }
  console.log(`\n${stamp()} ${signal}`)
  shutdown(0)
}
process.on("SIGINT", () => onSignal("SIGINT"))
process.on("SIGTERM", () => onSignal("SIGTERM"))

/** What of Medusa's output is worth showing while the demo runs: the Kaspi lines, warnings and errors. */
function medusaLine(line) {
  if (config.verbose) return console.log(`  [medusa] ${line}`)
  if (/No link to load|No subscriber to load|Local Event Bus installed|Processing kaspi\.order\.imported/.test(line)) return
  if (/Kaspi poll of|Kaspi feed|kaspi.*(fail|error)|^\s*(error|warn):/i.test(line)) console.log(`  [medusa] ${line.trim()}`)
}

function catalogSkus() {
  const { products } = require(path.join(DEMO_DIR, "catalog.json"))
  return products.flatMap((p) => p.variants.map(([sku, , price]) => `${sku}:${price}`))
}

async function startSandbox(port) {
  let resolveUrl
  const urlP = new Promise((r) => (resolveUrl = r))
  const args = [
    path.join(ROOT, "scripts", "sandbox.js"),
    "--port", String(port),
    "--token", config.kaspiToken,
    "--merchant", config.merchantId,
    "--orders", String(config.seededOrders),
    "--skus", catalogSkus().join(","),
    "--stream", String(config.orderEverySeconds),
    "--quiet",
  ]
  const service = startService({
    name: "kaspi-sandbox",
    command: process.execPath,
    args,
    cwd: ROOT,
    env: { ...env, NODE_ENV: "development" },
    logFile: path.join(LOG_DIR, "sandbox.log"),
    onLine: (line) => {
      const m = /apiUrl \(plugin setting\): (\S+)/.exec(line)
      if (m) resolveUrl(m[1])
      if (/new order/.test(line)) console.log(`  ${line.trim()}`)
    },
  })
  const apiUrl = await Promise.race([
    urlP,
    service.exited.then((c) => Promise.reject(new Error(`the Kaspi sandbox exited (code ${c}); see ${path.join(LOG_DIR, "sandbox.log")}`))),
  ])
  return { service, apiUrl, origin: new URL(apiUrl).origin }
}

/** Enables the default account's feed and builds it now, through the plugin's admin API. */
async function enableFeed(api) {
  const cfg = await api("POST", `/admin/kaspi/feed/${ACCOUNT_ID}/config`, { enabled: true, company_name: "Kaspi Demo Store" })
  if (cfg.status === 404) return { note: "this build of the plugin has no feed admin API" }
  if (cfg.status !== 200) throw new Error(`enabling the feed failed: HTTP ${cfg.status} ${JSON.stringify(cfg.body)}`)
  const build = await api("POST", `/admin/kaspi/feed/${ACCOUNT_ID}/rebuild`, {})
  const b = build.body?.build
  return {
    url: cfg.body.config.feed_url,
    note: b ? `build ${b.status}: ${b.offers_count} offers${b.message ? ` (${b.message})` : ""}` : `rebuild answered HTTP ${build.status}`,
  }
}

/**
 * Vite prepares the admin's dependencies on the first request for the admin,
 * which takes 10-30 s on two cores and keeps the server busy meanwhile. Done
 * here, before the URLs are printed, the admin opens at once and the first
 * polls are not held up by a first visit.
 */
async function warmUpAdmin(baseUrl) {
  const t = Date.now()
  try {
    const get = (route) => fetch(`${baseUrl}${route}`, { signal: AbortSignal.timeout(180_000) })
    await get("/app")
    const entry = await (await get("/app/entry.jsx")).text()
    // The entry imports the pre-bundled dashboard and plugin extensions (this plugin's among them):
    // they answer once vite's dependency optimisation is done.
    const modules = [...entry.matchAll(/(?:from|import) "(\/app\/[^"]+)"/g)].map((m) => m[1])
    const statuses = await Promise.all(modules.map(async (m) => (await get(m)).status))
    const ok = statuses.every((st) => st === 200)
    say(`admin: ${ok ? "ready" : `answered ${statuses.join(",")}`} (vite prepared ${modules.length} modules in ${Math.round((Date.now() - t) / 1000)} s; cached in demo/node_modules/.vite)`)
    return ok
  } catch (e) {
    say(`admin: not warmed up (${e.message}); the first visit will be slow`)
    return false
  }
}

/** True for kaspi.kz and its subdomains: the real Kaspi, where the demo's orders and actions would be real. */
function isRealKaspi(apiUrl) {
  try {
    return /(^|\.)kaspi\.kz$/i.test(new URL(apiUrl).hostname)
  } catch {
    return false
  }
}

async function main() {
  console.log("Kaspi demo: medusa-plugin-kaspi installed from its package into a Medusa store\n")
  if (config.externalKaspi && isRealKaspi(config.kaspiApiUrl) && !config.allowRealKaspi) {
    // The demo accepts, cancels and completes orders at the click of a button: against a real shop
    // that is real money and a real buyer. Only on an explicit request.
    throw new Error(
      `KASPI_API_URL points at the real Kaspi (${config.kaspiApiUrl}). The demo refuses it: set KASPI_DEMO_ALLOW_REAL_KASPI=1 if you really mean to run the demo store against your live Kaspi shop.`
    )
  }
  fs.rmSync(LOG_DIR, { recursive: true, force: true })
  fs.mkdirSync(LOG_DIR, { recursive: true })
  if (await portOpen(config.port)) throw new Error(`port ${config.port} is in use: set PORT to a free one`)

  postgres = await pickPostgres({ env, logDir: LOG_DIR, log: (m) => say(m) })
  say(`PostgreSQL ${postgres.version}: ${postgres.description}`)
  const databaseUrl = await recreateDatabase(postgres.url, config.database)
  say(`database "${config.database}": dropped and created anew (the sandbox's orders are new at every start, so the store is too)`)

  installBuiltPlugin(DEMO_DIR, { log: (m) => say(m), forceBuild: config.forceBuild })

  // The sandbox starts after the seed (its stream of new orders begins with the
  // store), on a port chosen now so that every medusa command gets the same URL.
  const sandboxPort = config.externalKaspi ? null : await freePort(config.sandboxPort)
  const kaspiApiUrl = config.kaspiApiUrl || `http://127.0.0.1:${sandboxPort}/shop/api`
  const appEnv = medusaEnv(env, {
    DATABASE_URL: databaseUrl,
    PORT: String(config.port),
    KASPI_API_URL: kaspiApiUrl,
    KASPI_API_TOKEN: config.kaspiToken,
    KASPI_MERCHANT_ID: config.merchantId,
    JWT_SECRET: config.jwtSecret,
    COOKIE_SECRET: config.cookieSecret,
    HOST: config.host,
    LOG_LEVEL: env.LOG_LEVEL || "info",
  })
  const logFile = path.join(LOG_DIR, "medusa.log")
  say("medusa db:migrate (Medusa's and the plugin's migrations, link sync, the plugin's setup script)")
  await runMedusa(DEMO_DIR, ["db:migrate"], { env: appEnv, logFile })
  say(`medusa user -e ${config.adminEmail} and medusa exec ./src/scripts/seed-demo.ts (catalog, stock at PP1/PP2, store mappings)`)
  // One after the other: each boot of a fresh store runs Medusa's create-defaults
  // (store, price preferences), and two at once collide on its unique rows.
  // Polling is off for both: no order may arrive before its products exist.
  const setupEnv = { ...appEnv, KASPI_POLLING: "false" }
  // "--password=<value>": a base64url password may begin with "-" (1 start in 64), which the CLI's argument parser
  // then reads as flags ("Unknown arguments: L, k, V…"), and the demo failed at random.
  await runMedusa(DEMO_DIR, ["user", `--email=${config.adminEmail}`, `--password=${config.adminPassword}`], { env: setupEnv, logFile: path.join(LOG_DIR, "medusa-user.log") })
  await runMedusa(DEMO_DIR, ["exec", "./src/scripts/seed-demo.ts"], { env: setupEnv, logFile: path.join(LOG_DIR, "medusa-seed.log") })

  const kaspi = config.externalKaspi ? { apiUrl: config.kaspiApiUrl } : await startSandbox(sandboxPort)
  if (!config.externalKaspi) say(`Kaspi sandbox: ${kaspi.apiUrl} (${config.seededOrders} orders from the last 2 days, a new one every ${config.orderEverySeconds} s)`)
  else {
    say(`Kaspi API: ${kaspi.apiUrl} (KASPI_API_URL; no sandbox started), merchant ${config.merchantId}`)
    if (!config.kaspiToken) say("warning: KASPI_API_TOKEN is not set, so the store will not poll for orders")
  }

  say(`medusa start on port ${config.port}`)
  const { service: server, baseUrl } = await startMedusa(DEMO_DIR, {
    port: config.port,
    env: appEnv,
    logFile,
    onLine: medusaLine,
  })
  server.exited.then((code) => {
    if (!stopping) {
      console.error(`${stamp()} the Medusa server exited (code ${code}); see ${logFile}`)
      shutdown(1)
    }
  })
  const api = adminApi(baseUrl, await adminToken(baseUrl, config.adminEmail, config.adminPassword))
  await warmUpAdmin(baseUrl)
  const connection = (await api("POST", `/admin/kaspi/accounts/${ACCOUNT_ID}/test-connection`)).body?.connection
  say(`Kaspi connection test: ${connection?.message ?? "no answer"}`)
  const feed = await enableFeed(api)
  say(`feed: ${feed.note}`)

  const line = "=".repeat(78)
  const procs = runningServices().map((s) => `${s.name} ${s.pid}`).join(", ")
  console.log(`\n${line}
 Kaspi demo is up (${Math.round((Date.now() - started) / 1000)} s)

  Admin:       ${baseUrl}/app
  Login:       ${config.adminEmail} / ${config.adminPassword}
  Feed URL:    ${feed.url ?? "(not available)"}
               paste it into the Kaspi seller cabinet: Товары → Загрузить прайс-лист → Автоматическая загрузка
  Kaspi API:   ${kaspi.apiUrl}${config.externalKaspi ? "" : `  (bundled sandbox, token ${config.kaspiToken}, merchant ${config.merchantId})`}
${config.externalKaspi ? "" : `  Sandbox:     ${kaspi.origin}/__sandbox/orders  (control API: every order; see sandbox/README.md)\n`}  PostgreSQL:  ${postgres.version}, ${postgres.description}; database ${config.database}
  Logs:        ${path.relative(process.cwd(), LOG_DIR) || LOG_DIR}/
  Processes:   ${procs}

 Kaspi orders show up in Admin → Orders (sales channel "Kaspi.kz"); the store
 polls Kaspi every 10 s${config.externalKaspi ? "" : `, and the sandbox adds an order every ${config.orderEverySeconds} s`}. Ctrl-C stops everything.
${line}\n`)
}

main().catch((e) => {
  console.error(`\n${stamp()} demo failed: ${e && e.message ? e.message : e}`)
  shutdown(1)
})
