/**
 * Orders bench: `npm run bench -- orders --orders 1000 [--concurrency 1] [--keep-db]`
 *
 * Real parts only: the Kaspi sandbox over HTTP, PostgreSQL, and a Medusa app
 * booted with `medusa exec` from this repository's medusa-config.ts (the plugin
 * from source). Steps:
 * 1. a fresh database (kaspi_orders_bench) with Medusa's and the plugin's migrations;
 * 2. the sandbox seeded with N new Kaspi orders (1–3 entries, quantity 1–3);
 * 3. in the app (bench/orders-exec.ts): the baseline — Medusa's own
 *    create-order → reserve → payment collection → mark-paid chain for N orders
 *    of the same shape, no Kaspi — then the plugin's import of the N Kaspi
 *    orders (syncKaspiOrders: list pages + import workflow per order);
 * 4. ONE JSON line: orders, seconds, orders_per_s, kaspi_requests,
 *    requests_per_order, baseline_seconds, ratio, peak RSS, …
 */
import { execFileSync, spawn, spawnSync } from "node:child_process"
import { resolve } from "node:path"
import { startKaspiSandbox } from "../sandbox"

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith("--")) continue
    const [k, v] = a.slice(2).split("=", 2)
    if (v !== undefined) out[k] = v
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) out[k] = argv[++i]
    else out[k] = "true"
  }
  return out
}

function dbUrl(db: string): string {
  const e = process.env
  const auth = e.DB_PASSWORD ? `${e.DB_USERNAME}:${e.DB_PASSWORD}` : e.DB_USERNAME
  return `postgres://${auth}@${e.DB_HOST || "localhost"}:${e.DB_PORT || 5432}/${db}`
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const orders = Number(args.orders ?? 200)
  const db = args.db ?? "kaspi_orders_bench"
  const root = resolve(__dirname, "..")
  const env = { ...process.env, DATABASE_URL: dbUrl(db), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error" }

  const psql = (sql: string) =>
    execFileSync("psql", [dbUrl("postgres"), "-qtAc", sql], { stdio: ["ignore", "pipe", "inherit"] }).toString()
  psql(`drop database if exists "${db}" with (force)`)
  psql(`create database "${db}"`)
  const migrated = spawnSync("npx", ["medusa", "db:migrate"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
  if (migrated.status !== 0) throw new Error("medusa db:migrate failed")

  const token = "bench-token"
  const sandbox = await startKaspiSandbox({ tokens: [token], seed: 42 })
  try {
    // Asynchronous on purpose: the sandbox answers from this process's event loop.
    const child = spawn("npx", ["medusa", "exec", "bench/orders-exec.ts", String(orders)], {
      cwd: root,
      env: {
        ...env,
        KASPI_API_URL: sandbox.baseUrl,
        KASPI_API_TOKEN: token,
        KASPI_MERCHANT_ID: sandbox.merchantIds[0],
        KASPI_SANDBOX_ORIGIN: sandbox.origin,
      },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    const status = await new Promise<number | null>((r) => child.on("close", r))
    const line = out.split("\n").find((l) => l.startsWith('{"bench":"orders"'))
    if (!line) throw new Error(`the bench run printed no result (exit ${status})`)
    process.stdout.write(line + "\n")
  } finally {
    await sandbox.close()
    if (args["keep-db"] !== "true") psql(`drop database if exists "${db}" with (force)`)
  }
  return 0
}
