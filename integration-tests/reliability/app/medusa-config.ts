// The Medusa app of the reliability suite: several instances (a server and a
// worker) on one PostgreSQL and one Redis, the way a store that outgrew one
// machine runs. docs/scaling.md documents exactly this configuration.
//
// The suite runs it from a scratch directory whose `src` is the plugin's own
// source (see ../lib/app-dir.ts), so the plugin's module, routes, jobs,
// subscribers, workflows and links are loaded from source, like the HTTP tests.
import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const PLUGIN_ROOT = process.env.KASPI_PLUGIN_ROOT || path.resolve(__dirname, "../../..")
const seconds = (name: string, fallback: number) => Number(process.env[name] || fallback)

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    // "server" answers HTTP only; "worker" runs jobs and subscribers; "shared" does both.
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET || "reliability-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "reliability-cookie-secret",
    },
  },
  admin: { disable: true },
  modules: [
    // Events reach the worker through Redis (BullMQ), not the emitting process's memory.
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
    // Scheduled jobs become BullMQ repeatable jobs: one tick runs on one worker, not on each.
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
    // acquireLockStep / locking.execute must exclude other processes, not only this one.
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ id: "locking-redis", resolve: "@medusajs/medusa/locking-redis", is_default: true, options: { redisUrl: REDIS_URL } }],
      },
    },
    {
      resolve: path.join(PLUGIN_ROOT, "src/modules/kaspi"),
      options: {
        merchantId: process.env.KASPI_MERCHANT_ID || "30123456",
        apiUrl: process.env.KASPI_API_URL || "http://127.0.0.1:4010/shop/api",
        // No token here: the suite enters it in the admin, stored encrypted under KASPI_TOKEN_ENCRYPTION_KEY.
        minRequestIntervalMs: 0,
        retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
        // Short so that the sandbox's "latency beyond the timeout" fault is a real timeout.
        timeouts: { ordersMs: seconds("KASPI_TIMEOUT_MS", 4000), productsMs: 4000, waybillMs: 4000 },
        orders: {
          polling: process.env.KASPI_POLLING !== "false",
          pollIntervalSeconds: 10,
          archiveSyncIntervalSeconds: 60,
          initialLookbackDays: 2,
          // Shorter than the 300 s default so that a killed worker's leases run out within a test.
          importLeaseSeconds: seconds("KASPI_IMPORT_LEASE_SECONDS", 300),
        },
        actions: {
          // Every delivery goes through the worker's outbox job (see docs/scaling.md).
          sendImmediately: process.env.KASPI_SEND_IMMEDIATELY === "true",
          leaseSeconds: seconds("KASPI_ACTION_LEASE_SECONDS", 120),
        },
      },
    },
  ],
})
