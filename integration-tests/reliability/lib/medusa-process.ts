import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { PLUGIN_ROOT } from "./app-dir"
import { sleep, waitFor } from "./wait"

const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [PLUGIN_ROOT] })
export const LOG_DIR = path.join(PLUGIN_ROOT, "test-artifacts", "reliability")

/** Environment of a Medusa process of the suite: a plain process (no jest flags), quiet unless asked. */
export function medusaEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL || "debug",
    NODE_OPTIONS: (process.env.NODE_OPTIONS || "").replace("--experimental-vm-modules", "").trim(),
    ...extra,
  }
}

/** Every line any Medusa process of the run printed: the secrets check scans it all. */
export const allOutput: string[] = []

function capture(child: ChildProcess, name: string, log: fs.WriteStream) {
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8")
    stream.on("data", (chunk: string) => {
      allOutput.push(chunk)
      log.write(chunk.replace(/\x1b\[[0-9;]*m/g, ""))
    })
  }
  log.write(`--- ${name} pid ${child.pid} started ${new Date().toISOString()}\n`)
}

/** `medusa <args>` to completion (db:migrate, exec); throws with the tail of its output on failure. */
export async function runMedusa(appDir: string, args: string[], env: NodeJS.ProcessEnv, name: string): Promise<string> {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const log = fs.createWriteStream(path.join(LOG_DIR, `${name}.log`), { flags: "a" })
  const child = spawn(process.execPath, [CLI, ...args], { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  capture(child, name, log)
  const code = await new Promise<number | null>((r) => child.on("close", r))
  log.end()
  if (code !== 0) throw new Error(`medusa ${args.join(" ")} exited ${code}:\n${out.slice(-3000)}`)
  return out
}

/**
 * One long-running Medusa instance (`medusa start`), server or worker mode.
 * It can be killed (SIGKILL: no shutdown hooks, leases and locks left behind,
 * like a machine that dies) and started again on the same port.
 */
export class MedusaInstance {
  private child?: ChildProcess
  private exited?: Promise<void>
  starts = 0
  kills = 0

  constructor(
    readonly name: string,
    readonly appDir: string,
    readonly port: number,
    private env: NodeJS.ProcessEnv
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  get running() {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null)
  }

  setEnv(extra: Record<string, string>) {
    this.env = { ...this.env, ...extra }
  }

  async start(timeoutMs = 120_000): Promise<number> {
    const t0 = Date.now()
    fs.mkdirSync(LOG_DIR, { recursive: true })
    const log = fs.createWriteStream(path.join(LOG_DIR, `${this.name}.log`), { flags: "a" })
    const child = spawn(process.execPath, [CLI, "start", "--port", String(this.port)], {
      cwd: this.appDir,
      env: { ...this.env, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    })
    this.child = child
    this.exited = new Promise((r) => child.on("exit", () => (log.end(), r())))
    capture(child, this.name, log)
    this.starts += 1
    await waitFor(
      `${this.name} to answer /health`,
      async () => {
        if (!this.running) throw new Error(`${this.name} exited during boot (see ${LOG_DIR}/${this.name}.log)`)
        const res = await fetch(`${this.baseUrl}/health`).catch(() => null)
        return res?.ok
      },
      { timeoutMs, everyMs: 300 }
    )
    return Date.now() - t0
  }

  /** SIGKILL: the process gets no chance to release anything. */
  async kill(): Promise<void> {
    if (!this.running) return
    this.child!.kill("SIGKILL")
    this.kills += 1
    await this.exited
  }

  /** A graceful stop (SIGTERM), then SIGKILL if it hangs. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return
    this.child!.kill("SIGTERM")
    await Promise.race([this.exited, sleep(graceMs)])
    if (this.running) this.child!.kill("SIGKILL")
    await this.exited
  }
}
