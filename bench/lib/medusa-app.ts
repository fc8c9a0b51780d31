// A Medusa app for benches that need the plugin's scheduled jobs running as in production
// (`medusa start`), from a scratch directory: its medusa-config is bench/lib/kaspi-load-app's, its
// `src` the plugin's own source (Medusa loads jobs, subscribers, routes and links from <cwd>/src),
// its node_modules the repository's — the same layout as integration-tests/reliability.
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

export const PLUGIN_ROOT = path.resolve(__dirname, "../..")
const APP_SOURCE = path.join(__dirname, "kaspi-load-app")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [PLUGIN_ROOT] })

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function waitFor<T>(what: string, check: () => Promise<T>, opts: { timeoutMs: number; everyMs?: number }): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs
  let last: unknown
  for (;;) {
    try {
      const v = await check()
      if (v) return v
      last = v
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what} (last: ${String((last as Error)?.message ?? last)})`)
    await sleep(opts.everyMs ?? 500)
  }
}

export function makeAppDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-load-app-"))
  fs.symlinkSync(path.join(APP_SOURCE, "medusa-config.ts"), path.join(dir, "medusa-config.ts"))
  fs.copyFileSync(path.join(APP_SOURCE, "package.json"), path.join(dir, "package.json"))
  fs.copyFileSync(path.join(PLUGIN_ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"))
  fs.symlinkSync(path.join(PLUGIN_ROOT, "src"), path.join(dir, "src"), "dir")
  fs.symlinkSync(path.join(PLUGIN_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir")
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

export function medusaEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || "info",
    NODE_OPTIONS: (process.env.NODE_OPTIONS || "").replace("--experimental-vm-modules", "").trim(),
    ...extra,
  }
}

function pipeTo(child: ChildProcess, logFile: string): void {
  const log = fs.createWriteStream(logFile, { flags: "a" })
  for (const s of [child.stdout!, child.stderr!]) s.on("data", (d) => log.write(String(d).replace(/\x1b\[[0-9;]*m/g, "")))
  child.on("close", () => log.end())
}

/** `medusa <args>` to completion; throws with the tail of its output on failure. */
export async function runMedusa(appDir: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  pipeTo(child, logFile)
  const code = await new Promise<number | null>((r) => child.on("close", r))
  if (code !== 0) throw new Error(`medusa ${args.join(" ")} exited ${code} (log ${logFile}):\n${out.slice(-3000)}`)
  return out
}

/** `medusa start` (server and worker in one process: the jobs run on their schedules). */
export async function startMedusa(appDir: string, port: number, env: NodeJS.ProcessEnv, logFile: string) {
  const child = spawn(process.execPath, [CLI, "start", "--port", String(port)], {
    cwd: appDir,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  })
  pipeTo(child, logFile)
  const exited = new Promise<void>((r) => child.on("exit", () => r()))
  const running = () => child.exitCode === null && child.signalCode === null
  const t0 = Date.now()
  await waitFor(
    "medusa start to answer /health",
    async () => {
      if (!running()) throw new Error(`medusa start exited during boot (see ${logFile})`)
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null)
      return res?.ok
    },
    { timeoutMs: 180_000, everyMs: 500 }
  )
  return {
    bootMs: Date.now() - t0,
    running,
    async stop(graceMs = 15_000) {
      if (!running()) return
      child.kill("SIGTERM")
      await Promise.race([exited, sleep(graceMs)])
      if (running()) child.kill("SIGKILL")
      await exited
    },
  }
}
