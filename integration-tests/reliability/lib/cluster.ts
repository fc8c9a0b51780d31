import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { startKaspiSandbox, type KaspiSandbox } from "../../../sandbox"
import { makeAppDir } from "./app-dir"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./catalog"
import { startCountingProxy, type ProxiedRequest } from "./counting-proxy"
import { createDatabase, dbUrl, dropDatabase } from "./db"
import { LOG_DIR, MedusaInstance, medusaEnv, runMedusa } from "./medusa-process"
import { claimRedisDb } from "./redis-db"
import { RUN_ID, SENTINEL_TOKEN } from "./settings"
import { freePort } from "./wait"

export type AdminApi = (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>

export interface Cluster {
  db: string
  sandbox: KaspiSandbox
  server: MedusaInstance
  worker: MedusaInstance
  /** Kaspi calls per instance (each instance talks to the sandbox through its own proxy) */
  kaspiCalls: { server: ProxiedRequest[]; worker: ProxiedRequest[] }
  admin: AdminApi
  timings: Record<string, number>
  close(): Promise<void>
}

/**
 * The token is not in any instance's configuration: the suite enters it
 * through the admin API once the cluster is up, so every instance reads it
 * from PostgreSQL, encrypted under this key (the same on every instance, as
 * docs/scaling.md says it must be).
 */
const TOKEN_KEY = randomBytes(32).toString("base64")

function env(db: string, redisUrl: string, apiUrl: string, merchantId: string, extra: Record<string, string> = {}) {
  return medusaEnv({
    DATABASE_URL: dbUrl(db),
    REDIS_URL: redisUrl,
    KASPI_API_URL: apiUrl,
    KASPI_API_TOKEN: "",
    KASPI_TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
    KASPI_MERCHANT_ID: merchantId,
    // A killed worker's leases run out within a test (production: 300 s and 120 s).
    KASPI_IMPORT_LEASE_SECONDS: "15",
    KASPI_ACTION_LEASE_SECONDS: "15",
    ...extra,
  })
}

/**
 * Boots the suite's cluster on a fresh database: migrate + seed (medusa exec),
 * then a server and a worker (`medusa start`, MEDUSA_WORKER_MODE) on one
 * PostgreSQL database and one Redis, each reaching the sandbox through its
 * own counting proxy. The sandbox runs in the test process.
 */
export async function startCluster(opts: { serverMode: "shared" | "server" }): Promise<Cluster> {
  const timings: Record<string, number> = {}
  const t0 = Date.now()
  fs.rmSync(LOG_DIR, { recursive: true, force: true })
  const db = `kaspi_reliability_${RUN_ID}`
  const app = makeAppDir()
  const sandbox = await startKaspiSandbox({ tokens: [SENTINEL_TOKEN], seed: 8, waybillDelayMs: 200 })
  const merchantId = sandbox.merchantIds[0]
  const redis = await claimRedisDb()
  await createDatabase(db)
  const quiet = env(db, redis.url, sandbox.baseUrl, merchantId, { KASPI_POLLING: "false", KASPI_FEED_SCHEDULER: "off" })
  await runMedusa(app.dir, ["db:migrate"], quiet, "migrate")
  timings.migrate_ms = Date.now() - t0
  await runMedusa(app.dir, ["exec", path.resolve(__dirname, "../app/seed.ts")], quiet, "seed")
  timings.seed_ms = Date.now() - t0 - timings.migrate_ms

  const proxies = { server: await startCountingProxy(sandbox.origin), worker: await startCountingProxy(sandbox.origin) }
  const server = new MedusaInstance(
    "server",
    app.dir,
    await freePort(),
    env(db, redis.url, `${proxies.server.url}/shop/api`, merchantId, { MEDUSA_WORKER_MODE: opts.serverMode })
  )
  const worker = new MedusaInstance("worker", app.dir, await freePort(), env(db, redis.url, `${proxies.worker.url}/shop/api`, merchantId, { MEDUSA_WORKER_MODE: "worker" }))
  const t1 = Date.now()
  await Promise.all([server.start(), worker.start()])
  timings.boot_ms = Date.now() - t1

  const login = await fetch(`${server.baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  if (!token) throw new Error(`admin login failed: HTTP ${login.status}`)
  const admin: AdminApi = async (method, route, body) => {
    const res = await fetch(`${server.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    let json: unknown = text
    try {
      json = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.status, body: json }
  }
  const stored = await admin("POST", "/admin/kaspi/accounts/default/token", { token: SENTINEL_TOKEN })
  if (stored.status !== 200 || !stored.body?.saved) throw new Error(`storing the Kaspi token failed: HTTP ${stored.status} ${JSON.stringify(stored.body)}`)

  return {
    db,
    sandbox,
    server,
    worker,
    kaspiCalls: { server: proxies.server.log, worker: proxies.worker.log },
    admin,
    timings,
    async close() {
      await Promise.all([server.stop(), worker.stop()])
      await Promise.all([proxies.server.close(), proxies.worker.close()])
      await sandbox.close()
      await redis.release().catch(() => undefined)
      if (process.env.RELIABILITY_KEEP_DB !== "1") await dropDatabase(db).catch(() => undefined)
      app.remove()
    },
  }
}
