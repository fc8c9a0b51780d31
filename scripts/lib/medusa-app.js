// Running a host Medusa app (the demo store, the host-app test) with the
// medusa CLI from the repository's node_modules, the way a store runs it:
// `medusa db:migrate`, `medusa user`, `medusa exec`, `medusa start`.
const path = require("node:path")
const { runCommand, startService, waitForHttp } = require("./services")

const ROOT = path.resolve(__dirname, "..", "..")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

/** The environment every medusa command of a host app gets. */
function medusaEnv(base, extra = {}) {
  return {
    ...base,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Jest and the test helpers set these; a host app is a plain process.
    NODE_OPTIONS: (base.NODE_OPTIONS || "").replace("--experimental-vm-modules", "").trim(),
    ...extra,
  }
}

/** The medusa CLI a store has in its own node_modules (the host matrix's stores each install their Medusa). */
function storeCli(hostDir) {
  return require.resolve("@medusajs/cli/cli.js", { paths: [hostDir] })
}

/** Runs `medusa <args>` in hostDir to completion (with the repository's CLI unless `cli` says another). */
function runMedusa(hostDir, args, { env, logFile, onLine, name = `medusa ${args[0]}`, cli = CLI }) {
  return runCommand({ name, command: process.execPath, args: [cli, ...args], cwd: hostDir, env, logFile, onLine })
}

/**
 * `medusa start` with NODE_ENV=development: one process, no file watcher
 * (`medusa develop` restarts on file changes, and there is nothing to watch:
 * the plugin comes from its package), and the admin served by vite's dev
 * middleware, so no `medusa build` (a production admin build takes minutes on
 * two cores). Resolves once GET /health answers.
 */
async function startMedusa(hostDir, { port, env, logFile, onLine, timeoutMs = 180_000, cli = CLI }) {
  const service = startService({
    name: "medusa",
    command: process.execPath,
    args: [cli, "start", "--port", String(port)],
    cwd: hostDir,
    env: {
      ...env,
      NODE_ENV: "development",
      PORT: String(port),
      // The admin's Tailwind scans the plugin's bundle by resolving medusa-plugin-kaspi/admin;
      // from inside this repository that lookup would start in the repository's node_modules.
      NODE_PATH: [path.join(hostDir, "node_modules"), env.NODE_PATH].filter(Boolean).join(path.delimiter),
    },
    logFile,
    onLine,
  })
  const baseUrl = `http://localhost:${port}`
  await waitForHttp(`${baseUrl}/health`, { timeoutMs, service })
  return { service, baseUrl }
}

/** Logs in an admin user (email/password) and returns a bearer token. */
async function adminToken(baseUrl, email, password) {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok || !body.token) throw new Error(`admin login as ${email} failed: HTTP ${res.status} ${JSON.stringify(body)}`)
  return body.token
}

/** A small admin API client: api("GET", "/admin/...") → { status, body }. */
function adminApi(baseUrl, token) {
  return async (method, route, body) => {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      // Admin POSTs are JSON or refused (415: cross-site forms); a POST without a body sends {}.
      headers: { authorization: `Bearer ${token}`, ...(body || method === "POST" ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : method === "POST" ? "{}" : undefined,
    })
    const text = await res.text()
    let json = null
    try {
      json = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.status, body: json ?? text }
  }
}

module.exports = { CLI, storeCli, medusaEnv, runMedusa, startMedusa, adminToken, adminApi }
