import fs from "node:fs"
import path from "node:path"

const PACKAGE_NAME = "medusa-plugin-kaspi"

/**
 * The plugin's own version, from its package.json: the nearest one above this
 * file named medusa-plugin-kaspi (the repository root when run from source,
 * node_modules/medusa-plugin-kaspi when installed; the build in .medusa/server
 * has none of its own). Read once, so the User-Agent never lags a release.
 */
export function pluginVersion(from: string = __dirname): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json")
    if (!fs.existsSync(file)) continue
    try {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string }
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version
    } catch {
      // an unreadable package.json on the way up is not ours
    }
  }
  return "0.0.0"
}
