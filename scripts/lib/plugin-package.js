// The plugin as a store gets it: built with `medusa plugin:build`, packed with
// `npm pack`, installed into a host app's node_modules from the tarball.
// Used by the demo (scripts/demo.js) and the host-app test
// (integration-tests/host), so both run exactly what would be published.
const { execFileSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")
const PACKAGE_NAME = require(path.join(ROOT, "package.json")).name
const BUILD_MARKER = path.join(ROOT, ".medusa", "server", "src", "modules", "kaspi", "index.js")
const { copyPluginAssets } = require("../copy-plugin-assets")
const npm = process.platform === "win32" ? "npm.cmd" : "npm"

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs
    if (t > newest) newest = t
  }
  return newest
}

/** True when .medusa/server is missing or older than a file under src/ (or tsconfig/package.json). */
function buildIsStale() {
  if (!fs.existsSync(BUILD_MARKER)) return true
  const built = fs.statSync(BUILD_MARKER).mtimeMs
  const inputs = Math.max(
    newestMtime(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "tsconfig.json")).mtimeMs,
    fs.statSync(path.join(ROOT, "package.json")).mtimeMs
  )
  return inputs > built
}

/**
 * Runs `medusa plugin:build` (typecheck + emit + admin bundle, ~10-15 s) unless
 * the build is newer than every source file. Returns whether it built.
 */
function buildPlugin({ force = false, log = console.log, env = process.env } = {}) {
  if (!force && !buildIsStale()) {
    log("plugin build (.medusa/server) is up to date with src/: not rebuilding")
    return false
  }
  log("building the plugin: medusa plugin:build")
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
  try {
    execFileSync(process.execPath, [cli, "plugin:build"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
  } catch (e) {
    const out = `${e.stdout || ""}${e.stderr || ""}`
    throw new Error(`medusa plugin:build failed:\n${out}`)
  }
  copyPluginAssets()
  return true
}

/** `npm pack` of the built package into destDir. Returns the tarball path and the files npm put in it. */
function packPlugin(destDir) {
  fs.mkdirSync(destDir, { recursive: true })
  const out = execFileSync(npm, ["pack", "--json", "--pack-destination", destDir, "--loglevel=error"], {
    cwd: ROOT,
    encoding: "utf8",
  })
  const [info] = JSON.parse(out)
  return { tarball: path.join(destDir, info.filename), files: info.files.map((f) => f.path), size: info.size }
}

/**
 * Installs the tarball into hostDir/node_modules with npm, as a store would
 * (`npm install <tarball>`), with three differences that avoid a second
 * ~750 MB Medusa install: not saved to the host's package.json, no peer
 * dependencies (--legacy-peer-deps), and no dev dependencies (--omit=dev: a
 * host lists Medusa there only so the medusa CLI knows it is a Medusa
 * project). @medusajs/* then resolve from the repository's node_modules,
 * which is above every host folder in this repo. About 10 s, from npm's cache.
 */
function installTarball(tarball, hostDir) {
  const installed = path.join(hostDir, "node_modules", PACKAGE_NAME)
  fs.rmSync(installed, { recursive: true, force: true })
  execFileSync(
    npm,
    [
      "install",
      tarball,
      "--no-save",
      "--no-package-lock",
      "--legacy-peer-deps",
      "--omit=dev",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ],
    { cwd: hostDir, stdio: ["ignore", "pipe", "pipe"] }
  )
  return installed
}

function sha256(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === "node_modules" ? [] : listFiles(p, base)
    return [path.relative(base, p).split(path.sep).join("/")]
  })
}

/**
 * Proves that what the host runs is the tarball: the installed package is a
 * real folder (not a link back to the repo) holding exactly the tarball's
 * files, byte for byte. Throws with the first difference.
 */
function verifyInstalledMatchesTarball(tarball, installedDir) {
  if (fs.lstatSync(installedDir).isSymbolicLink()) throw new Error(`${installedDir} is a symlink, not an installed copy`)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-pack-"))
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", tmp])
    const packed = path.join(tmp, "package")
    const expected = listFiles(packed).sort()
    const actual = listFiles(installedDir).sort()
    const missing = expected.filter((f) => !actual.includes(f))
    const extra = actual.filter((f) => !expected.includes(f))
    if (missing.length || extra.length) {
      throw new Error(`installed package differs from the tarball: missing ${missing.slice(0, 5)}; extra ${extra.slice(0, 5)}`)
    }
    for (const f of expected) {
      if (sha256(path.join(packed, f)) !== sha256(path.join(installedDir, f))) throw new Error(`${f} differs from the tarball`)
    }
    return { files: expected }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

/** The tarball's content is installed already and its dependencies resolve from there. */
function alreadyInstalled(tarball, installedDir) {
  if (!fs.existsSync(installedDir)) return false
  try {
    verifyInstalledMatchesTarball(tarball, installedDir)
    const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(installedDir, "package.json"), "utf8"))
    // Node's lookup: node_modules/<dep> in the package's folder or any folder above it.
    const found = (dep) => {
      for (let dir = installedDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "node_modules", dep, "package.json"))) return true
      }
      return false
    }
    return Object.keys(dependencies).every(found)
  } catch {
    return false
  }
}

/**
 * Build (if stale), pack, install into hostDir, verify: the one call the demo
 * and the host test make. `reuse` skips the npm install when hostDir already
 * holds this exact tarball (the demo's second start is ~10 s faster).
 */
function installBuiltPlugin(hostDir, { log = console.log, forceBuild = false, reuse = true } = {}) {
  buildPlugin({ force: forceBuild, log })
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-tarball-"))
  try {
    const pack = packPlugin(packDir)
    log(`packed ${path.basename(pack.tarball)} (${pack.files.length} files, ${Math.round(pack.size / 1024)} kB)`)
    const already = path.join(hostDir, "node_modules", PACKAGE_NAME)
    if (reuse && alreadyInstalled(pack.tarball, already)) {
      log(`${path.relative(ROOT, already)} is already this tarball, byte for byte: not reinstalling`)
      return { installed: already, files: pack.files, tarballName: path.basename(pack.tarball) }
    }
    const installed = installTarball(pack.tarball, hostDir)
    const { files } = verifyInstalledMatchesTarball(pack.tarball, installed)
    log(`npm installed it into ${path.relative(ROOT, installed)}: ${files.length} files, identical to the tarball`)
    return { installed, files, tarballName: path.basename(pack.tarball) }
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true })
  }
}

module.exports = {
  ROOT,
  PACKAGE_NAME,
  buildIsStale,
  buildPlugin,
  packPlugin,
  installTarball,
  verifyInstalledMatchesTarball,
  installBuiltPlugin,
}
