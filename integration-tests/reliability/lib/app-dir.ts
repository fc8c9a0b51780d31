import fs from "node:fs"
import os from "node:os"
import path from "node:path"

export const PLUGIN_ROOT = path.resolve(__dirname, "../../..")
const APP_SOURCE = path.resolve(__dirname, "../app")

/**
 * A scratch Medusa project for the cluster: its medusa-config is app/medusa-config.ts,
 * its `src` is the plugin's source (Medusa loads a project's api, jobs, subscribers,
 * workflows and links from `<cwd>/src`), its node_modules the repository's. Symlinks,
 * so nothing is copied and the plugin code under test is the working tree's.
 */
export function makeAppDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaspi-reliability-"))
  fs.symlinkSync(path.join(APP_SOURCE, "medusa-config.ts"), path.join(dir, "medusa-config.ts"))
  fs.copyFileSync(path.join(APP_SOURCE, "package.json"), path.join(dir, "package.json"))
  fs.copyFileSync(path.join(PLUGIN_ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"))
  fs.symlinkSync(path.join(PLUGIN_ROOT, "src"), path.join(dir, "src"), "dir")
  fs.symlinkSync(path.join(PLUGIN_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir")
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}
