// Child processes the demo and the host test start: each in its own process
// group (so a stop reaches its children too, e.g. vite's esbuild), its output
// kept in a log file and offered line by line to a filter, and all of them
// tracked so one call stops everything that is still running.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const path = require("node:path")

const running = new Set()
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // the group is already gone
  }
}

function splitLines(stream, onLine) {
  let buf = ""
  stream.setEncoding("utf8")
  stream.on("data", (chunk) => {
    buf += chunk
    let i
    while ((i = buf.indexOf("\n")) >= 0) {
      onLine(buf.slice(0, i))
      buf = buf.slice(i + 1)
    }
  })
  stream.on("end", () => buf && onLine(buf))
}

/**
 * Starts a long-running process. `onLine(line)` sees every output line (ANSI
 * colours removed); the raw output goes to `logFile`. Returns a handle whose
 * `exited` promise resolves with the exit code.
 */
function startService({ name, command, args = [], cwd, env = process.env, logFile, onLine = () => {}, uid, gid }) {
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"], uid, gid })
  const handle = { name, pid: child.pid, child, code: undefined }
  const line = (l) => {
    log?.write(`${l}\n`)
    onLine(l.replace(/\x1b\[[0-9;]*m/g, ""))
  }
  splitLines(child.stdout, line)
  splitLines(child.stderr, line)
  handle.exited = new Promise((resolve) => {
    child.on("error", (e) => {
      line(`[${name}] failed to start: ${e.message}`)
      handle.code = -1
      running.delete(handle)
      resolve(-1)
    })
    child.on("exit", (code, signal) => {
      handle.code = code ?? (signal ? 128 : 1)
      running.delete(handle)
      // Let the pipes drain before closing the log.
      setTimeout(() => log?.end(), 50)
      resolve(handle.code)
    })
  })
  /**
   * SIGTERM to the process itself first (Medusa shuts down gracefully and
   * closes vite), then whatever is left of its group, then SIGKILL.
   */
  handle.stop = async (graceMs = 15_000, signal = "SIGTERM") => {
    if (handle.code === undefined && alive(child.pid)) {
      try {
        process.kill(child.pid, signal)
      } catch {
        // already gone
      }
      await Promise.race([handle.exited, sleep(graceMs)])
    }
    killGroup(child.pid, "SIGTERM")
    await sleep(100)
    killGroup(child.pid, "SIGKILL")
    if (handle.code === undefined) await Promise.race([handle.exited, sleep(2_000)])
  }
  running.add(handle)
  return handle
}

/** Runs a command to completion; rejects with the tail of its output when it fails. */
async function runCommand(opts) {
  const tail = []
  const handle = startService({
    ...opts,
    onLine: (l) => {
      tail.push(l)
      if (tail.length > 60) tail.shift()
      opts.onLine?.(l)
    },
  })
  const code = await handle.exited
  if (code !== 0) {
    throw new Error(`${opts.name} exited with code ${code}. Last output:\n${tail.join("\n")}`)
  }
}

/** Stops every process started here that is still running, last started first. */
async function stopAll(graceMs) {
  for (const h of [...running].reverse()) await h.stop(graceMs)
}

/** Every process started here that is still running (for "nothing left running" checks). */
function runningServices() {
  return [...running].map((h) => ({ name: h.name, pid: h.pid }))
}

/** `preferred` when nothing listens there, else a free port the OS picks. */
function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", (e) => (preferred ? resolve(freePort(0)) : reject(e)))
    srv.listen(preferred, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** True while something accepts TCP connections on host:port. */
function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const s = net.connect({ port, host })
    s.once("connect", () => {
      s.destroy()
      resolve(true)
    })
    s.once("error", () => resolve(false))
    s.setTimeout(1000, () => {
      s.destroy()
      resolve(false)
    })
  })
}

/**
 * Polls `url` until it answers below 500, the service dies, or the timeout
 * passes. Returns the response.
 */
async function waitForHttp(url, { timeoutMs = 180_000, service } = {}) {
  const deadline = Date.now() + timeoutMs
  let last = "no answer"
  while (Date.now() < deadline) {
    if (service && service.code !== undefined) throw new Error(`${service.name} exited (code ${service.code}) before ${url} answered`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (res.status < 500) return res
      last = `HTTP ${res.status}`
    } catch (e) {
      last = e.cause?.code ?? e.message
    }
    await sleep(500)
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${last})`)
}

module.exports = { startService, runCommand, stopAll, runningServices, freePort, portOpen, waitForHttp, alive, sleep }
