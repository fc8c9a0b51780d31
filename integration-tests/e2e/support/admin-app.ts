/**
 * Boots the store the browser tests drive: the built plugin packed and
 * npm-installed into integration-tests/e2e/host (as a shop installs it), a
 * fresh database migrated by `medusa db:migrate` (which also runs the plugin's
 * setup script), an admin user, and `medusa start` serving the admin through
 * Vite's dev middleware (NODE_ENV=development). A production `medusa build`
 * of the admin takes minutes on two cores; the dev middleware serves the same
 * extension bundle (.medusa/server/src/admin from the package) in seconds,
 * after a one-time dependency pre-bundle that Vite caches in host/node_modules/.vite.
 *
 * Reuses the demo's helpers (scripts/lib): same install path, same process handling.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { startKaspiSandbox } from "../../../sandbox"
import type { KaspiSandbox } from "../../../sandbox/types"

const { installBuiltPlugin, ROOT } = require("../../../scripts/lib/plugin-package")
const { recreateDatabase, dropDatabase } = require("../../../scripts/lib/pick-postgres")
const { freePort, stopAll } = require("../../../scripts/lib/services")
const { medusaEnv, runMedusa, startMedusa, adminToken, adminApi } = require("../../../scripts/lib/medusa-app")

export const HOST_DIR = path.resolve(__dirname, "..", "host")
export const ARTIFACTS = path.join(ROOT as string, "test-artifacts", "e2e")
export const TOKEN = `e2e-token-${randomBytes(9).toString("hex")}`
export const MERCHANT_ID = "30123456"
export const ADMIN = { email: "admin@kaspi-e2e.test", password: "e2e-password" }
const DB_NAME = "medusa_kaspi_e2e"

export type AdminApi = (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>

export interface AdminApp {
  baseUrl: string
  api: AdminApi
  sandbox: KaspiSandbox
  /** The store's own database, for the few steps no API can take (e.g. making an outbox row's last attempt due now). */
  databaseUrl: string
  /** Seconds each boot step took, for the report (the e2e layer must stay fast). */
  timings: Record<string, number>
  stop(): Promise<void>
}

export const serverUrl = () =>
  `postgres://${encodeURIComponent(process.env.DB_USERNAME || "postgres")}:${encodeURIComponent(process.env.DB_PASSWORD || "postgres")}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/postgres`

export async function startAdminApp({ log = (_m: string) => undefined }: { log?: (m: string) => void } = {}): Promise<AdminApp> {
  const timings: Record<string, number> = {}
  const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = Date.now()
    const r = await fn()
    timings[name] = Math.round((Date.now() - t) / 100) / 10
    log(`${name}: ${timings[name]} s`)
    return r
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const logFile = path.join(ARTIFACTS, "medusa.log")
  fs.rmSync(logFile, { force: true })

  // Reuse: an unchanged tarball is not reinstalled (CI builds once before the tests).
  await step("build, pack and install the plugin", () => installBuiltPlugin(HOST_DIR, { log: () => undefined }))
  const sandbox = await startKaspiSandbox({ tokens: [TOKEN], merchantId: MERCHANT_ID, port: 0, waybillDelayMs: 200 })
  const databaseUrl = await step("fresh database", () => recreateDatabase(serverUrl(), DB_NAME))
  const port = await freePort(0)
  const env = medusaEnv(process.env, {
    DATABASE_URL: databaseUrl,
    KASPI_API_URL: sandbox.baseUrl,
    // No token in the configuration: the browser test enters it in Settings → Kaspi,
    // and the plugin keeps it encrypted under this key (a fresh one per run).
    KASPI_API_TOKEN: "",
    KASPI_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    KASPI_MERCHANT_ID: MERCHANT_ID,
    LOG_LEVEL: "info",
    PORT: String(port),
    // The admin's Tailwind scans a plugin's bundle for class names via
    // require.resolve("medusa-plugin-kaspi/admin") from @medusajs/admin-bundler.
    // In a shop both sit in the same node_modules; here the bundler is the
    // repository's and the plugin the host's, so point Node's lookup at the host.
    NODE_PATH: [path.join(HOST_DIR, "node_modules"), process.env.NODE_PATH].filter(Boolean).join(path.delimiter),
  })
  await step("medusa db:migrate", () => runMedusa(HOST_DIR, ["db:migrate"], { env, logFile }))
  // One after the other: each first boot of a fresh store runs Medusa's
  // create-defaults (store, price preferences), and two at once collide on its unique rows.
  await step("medusa user", () =>
    runMedusa(HOST_DIR, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env, logFile: path.join(ARTIFACTS, "medusa-user.log") })
  )
  const started = await step("medusa start", () => startMedusa(HOST_DIR, { port, env, logFile }))
  const baseUrl: string = started.baseUrl
  const api: AdminApi = adminApi(baseUrl, await adminToken(baseUrl, ADMIN.email, ADMIN.password))

  return {
    baseUrl,
    api,
    sandbox,
    databaseUrl,
    timings,
    async stop() {
      await stopAll(15_000)
      await sandbox.close()
      await dropDatabase(serverUrl(), DB_NAME).catch(() => undefined)
    },
  }
}
