#!/usr/bin/env node
/**
 * `npm test [-- <jest args>]`: runs the jest layers (unit, module, http) in one
 * process against real PostgreSQL, then prints a plain "N passed, N failed" line
 * from jest's JSON report (CI reads that line, not jest's own summary).
 */
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { testEnv } = require("./test-env")
const { summaryLines } = require("./lib/jest-summary")

const [layer = "all", ...jestArgs] = process.argv.slice(2)
const root = path.resolve(__dirname, "..")
// KASPI_TEST_REPORT: where jest's JSON goes (.ci/run keeps one per suite and sums them).
const report = path.resolve(root, process.env.KASPI_TEST_REPORT || ".jest-result.json")
fs.rmSync(report, { force: true })
fs.mkdirSync(path.dirname(report), { recursive: true })

const env = { ...testEnv(), TEST_TYPE: layer }
const r = spawnSync(
  process.execPath,
  [
    require.resolve("jest/bin/jest", { paths: [root] }),
    // One test file at a time (they share the test database), each in a worker that jest replaces once it
    // holds more than 2 GB after a file: every HTTP suite boots a Medusa app, and a whole run in one process
    // grew past the 4 GB heap (CI: "JavaScript heap out of memory" after 17 minutes).
    "--maxWorkers=1",
    "--workerIdleMemoryLimit=2GB",
    "--forceExit",
    "--json",
    `--outputFile=${report}`,
    ...jestArgs,
  ],
  { stdio: "inherit", env, cwd: root }
)

for (const line of summaryLines([report])) console.log(line)
process.exit(r.status ?? 1)
