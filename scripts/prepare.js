#!/usr/bin/env node
/**
 * npm's `prepare` script. It runs when the plugin is installed from a git URL
 * (npm clones it, installs its dev dependencies and runs `prepare`, then packs
 * it: without a build there would be nothing in .medusa/server to pack), and
 * on every `npm install` / `npm ci` in this repository.
 *
 * - `npm ci` (CI, a clean checkout): skipped. CI builds as its own step right
 *   after, and a second 10-15 s build would be waste.
 * - KASPI_SKIP_PREPARE=1: skipped.
 * - otherwise (a git install, a developer's `npm install`): `medusa
 *   plugin:build` when the build is missing or older than src/, else nothing.
 */
const { buildPlugin } = require("./lib/plugin-package")

if (process.env.npm_command === "ci" || process.env.KASPI_SKIP_PREPARE === "1") {
  console.error(`medusa-plugin-kaspi prepare: skipped (${process.env.npm_command === "ci" ? "npm ci: CI builds as its own step" : "KASPI_SKIP_PREPARE=1"})`)
  process.exit(0)
}
try {
  // stderr: `npm pack --json` runs prepare too, and its stdout must stay JSON.
  buildPlugin({ log: (m) => console.error(`medusa-plugin-kaspi prepare: ${m}`) })
} catch (e) {
  console.error(String(e && e.message ? e.message : e))
  process.exit(1)
}
