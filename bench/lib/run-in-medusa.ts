import { execFileSync, spawn, spawnSync } from "node:child_process"
import { resolve } from "node:path"
import { startKaspiSandbox } from "../../sandbox"

export function parseArgs(argv: string[]): Record<string, string> {
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

export function dbUrl(db: string): string {
  const e = process.env
  const auth = e.DB_PASSWORD ? `${e.DB_USERNAME}:${e.DB_PASSWORD}` : e.DB_USERNAME
  return `postgres://${auth}@${e.DB_HOST || "localhost"}:${e.DB_PORT || 5432}/${db}`
}

/**
 * Runs `script` inside a Medusa app (`medusa exec`, this repo's medusa-config.ts,
 * the plugin from source) on a fresh, migrated database, with a Kaspi sandbox
 * in this process; returns the JSON line the script printed for `bench`.
 */
export async function runInMedusa(opts: { bench: string; script: string; args: string[]; db: string; keepDb?: boolean }): Promise<string> {
  const root = resolve(__dirname, "../..")
  const env = { ...process.env, DATABASE_URL: dbUrl(opts.db), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error" }
  const psql = (sql: string) =>
    execFileSync("psql", [dbUrl("postgres"), "-qtAc", sql], { stdio: ["ignore", "pipe", "ignore"] }).toString()
  psql(`drop database if exists "${opts.db}" with (force)`)
  psql(`create database "${opts.db}"`)
  const migrated = spawnSync("npx", ["medusa", "db:migrate"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
  if (migrated.status !== 0) throw new Error("medusa db:migrate failed")

  const token = "bench-token"
  const sandbox = await startKaspiSandbox({ tokens: [token], seed: 42, waybillDelayMs: 200 })
  try {
    // Asynchronous on purpose: the sandbox answers from this process's event loop.
    const child = spawn("npx", ["medusa", "exec", opts.script, ...opts.args], {
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
    const line = out.split("\n").find((l) => l.startsWith(`{"bench":"${opts.bench}"`))
    if (!line) throw new Error(`the bench run printed no result (exit ${status}):\n${out.slice(-3000)}`)
    return line
  } finally {
    await sandbox.close()
    if (!opts.keepDb) psql(`drop database if exists "${opts.db}" with (force)`)
  }
}
