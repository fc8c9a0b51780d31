// The host-app matrix (integration-tests/host): a plain Medusa store at a
// given Medusa version, with its own full npm install, outside the repository
// (so nothing resolves from the repository's node_modules), into which the
// plugin is npm-installed the way a shop installs it: from the packed tarball,
// or from a git URL. No --legacy-peer-deps anywhere.
const { execFileSync, spawnSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { ROOT, PACKAGE_NAME } = require("./plugin-package")

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
// Not named after the package: the tests look for "medusa-plugin-kaspi" in paths to find its files.
const STORES = path.join(os.tmpdir(), "kaspi-host-stores")
const TEMPLATE = path.join(ROOT, "integration-tests", "host")

/** The oldest Medusa the plugin supports: the floor of its @medusajs/medusa peer range ("^2.16.0"). */
function oldestSupportedMedusa() {
  const range = require(path.join(ROOT, "package.json")).peerDependencies["@medusajs/medusa"]
  const m = /^\^(\d+\.\d+\.\d+)$/.exec(range)
  if (!m) throw new Error(`peerDependencies["@medusajs/medusa"] is "${range}", expected "^x.y.z"`)
  return m[1]
}

const semver = (v) => v.split(".").map(Number)
const newer = (a, b) => {
  const [x, y] = [semver(a), semver(b)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i]
  return false
}

/** The newest 2.x release of @medusajs/medusa on npm (no previews); the repository's own when npm cannot be asked. */
function newestMedusa2() {
  try {
    const out = execFileSync(npm, ["view", "@medusajs/medusa", "versions", "--json"], { encoding: "utf8", timeout: 60_000 })
    const releases = JSON.parse(out).filter((v) => /^2\.\d+\.\d+$/.test(v))
    return releases.reduce((a, b) => (newer(b, a) ? b : a))
  } catch {
    return require(path.join(ROOT, "package.json")).devDependencies["@medusajs/medusa"]
  }
}

/** A Medusa store's package.json (the starter's shape) at one Medusa version, without the plugin. */
function storePackageJson(version) {
  return {
    name: `medusa-kaspi-host-${version}`,
    version: "0.0.0",
    private: true,
    description: "A plain Medusa store for the host-app test; written by scripts/lib/host-store.js.",
    license: "MIT",
    dependencies: {
      "@medusajs/admin-sdk": version,
      "@medusajs/cli": version,
      "@medusajs/framework": version,
      "@medusajs/medusa": version,
    },
    devDependencies: {
      "@swc/core": "^1.7.28",
      "@types/node": "^20.0.0",
      react: "^18.3.1",
      "react-dom": "^18.3.1",
      "ts-node": "^10.9.2",
      typescript: "^5.6.2",
    },
  }
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true })
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === ".medusa" || e.name.endsWith(".spec.ts")) continue
    const [s, d] = [path.join(from, e.name), path.join(to, e.name)]
    if (e.isDirectory()) copyDir(s, d)
    else fs.copyFileSync(s, d)
  }
}

/** Runs npm in dir; resolves with its combined output and wall time. Throws with the output on failure. */
function runNpm(args, dir, env = process.env) {
  const started = Date.now()
  const r = spawnSync(npm, args, { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  const output = `${r.stdout || ""}${r.stderr || ""}`
  if (r.status !== 0) throw new Error(`npm ${args.join(" ")} failed in ${dir} (exit ${r.status}):\n${output.slice(-4000)}`)
  return { output, ms: Date.now() - started }
}

/**
 * The store at `version`: the host template (medusa-config.ts, tsconfig, the
 * probe route) and a full `npm install` of Medusa at that version (~2-3 min on
 * 2 cores). The store's node_modules is kept between runs in the OS temp
 * folder while its package.json is the same (only the plugin install is under
 * test, and it is always fresh); `fresh` (KASPI_HOST_FRESH=1) reinstalls it.
 */
function prepareStore(version, { fresh = false } = {}) {
  const dir = path.join(STORES, version)
  const pkg = JSON.stringify(storePackageJson(version), null, 2) + "\n"
  const marker = path.join(dir, "node_modules", ".kaspi-store")
  const hash = crypto.createHash("sha256").update(pkg).digest("hex")
  const reused = !fresh && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === hash
  if (!reused) fs.rmSync(dir, { recursive: true, force: true })
  copyDir(TEMPLATE, dir)
  fs.writeFileSync(path.join(dir, "package.json"), pkg)
  fs.rmSync(path.join(dir, "node_modules", PACKAGE_NAME), { recursive: true, force: true })
  let install = { output: "", ms: 0 }
  if (!reused) {
    install = runNpm(["install", "--no-audit", "--no-fund", "--loglevel=warn"], dir)
    fs.writeFileSync(marker, hash)
  }
  return { dir, reused, install }
}

/** `npm install <spec>` into the store (a tarball path or a git URL): strict peers, nothing forced. */
function installPlugin(dir, spec) {
  return runNpm(["install", spec, "--no-audit", "--no-fund", "--loglevel=warn"], dir)
}

/** npm's peer-dependency complaints in an install's output (EBADENGINE is about Node, not peers). */
function peerWarnings(output) {
  return output.split("\n").filter((l) => /peer|ERESOLVE/i.test(l) && !/EBADENGINE/.test(l))
}

/**
 * A git repository holding this working tree as one commit (tracked and new,
 * not ignored files), for a `git+file://` install: npm clones it, installs its
 * dev dependencies, runs `prepare` (which builds), packs and installs that.
 * A snapshot rather than the repository itself, so uncommitted work is tested too.
 */
function snapshotRepo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-git-"))
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)))
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f))
  }
  const git = (...args) =>
    execFileSync("git", args, {
      cwd: dir,
      stdio: "ignore",
      env: { ...process.env, GIT_AUTHOR_NAME: "host test", GIT_AUTHOR_EMAIL: "host@test.invalid", GIT_COMMITTER_NAME: "host test", GIT_COMMITTER_EMAIL: "host@test.invalid" },
    })
  git("init", "-q")
  git("add", "-A")
  git("commit", "-q", "-m", "snapshot for the host-app git install")
  return { dir, url: `git+file://${dir}` }
}

module.exports = { STORES, oldestSupportedMedusa, newestMedusa2, prepareStore, installPlugin, peerWarnings, snapshotRepo }
