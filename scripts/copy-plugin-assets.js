#!/usr/bin/env node
/**
 * `medusa plugin:build` emits what TypeScript compiles and nothing else, so
 * files the server reads at runtime from beside its code are copied into
 * .medusa/server here, at the same relative path: the hand-over PDF's font
 * and its licence (src/lib/handover/fonts, read by handover-font.ts).
 * Runs after every build (npm run build, prepublishOnly, scripts/lib/plugin-package.js).
 */
const fs = require("node:fs")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..")
const ASSET_DIRS = ["src/lib/handover/fonts"]

function copyPluginAssets(log = () => {}) {
  for (const dir of ASSET_DIRS) {
    const to = path.join(ROOT, ".medusa", "server", dir)
    fs.cpSync(path.join(ROOT, dir), to, { recursive: true })
    log(`copied ${dir} → ${path.relative(ROOT, to)}`)
  }
}

module.exports = { copyPluginAssets }

if (require.main === module) copyPluginAssets(console.log)
