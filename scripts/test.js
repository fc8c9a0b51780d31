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

const [layer = "all", ...jestArgs] = process.argv.slice(2)
const root = path.resolve(__dirname, "..")
const report = path.join(root, ".jest-result.json")
fs.rmSync(report, { force: true })

const env = { ...testEnv(), TEST_TYPE: layer }
const r = spawnSync(
  process.execPath,
  [
    require.resolve("jest/bin/jest", { paths: [root] }),
    "--runInBand",
    "--forceExit",
    "--json",
    `--outputFile=${report}`,
    ...jestArgs,
  ],
  { stdio: "inherit", env, cwd: root }
)

let summary = null
try {
  summary = JSON.parse(fs.readFileSync(report, "utf8"))
} catch {
  // jest died before writing its report: the exit code below says so
}
if (summary) {
  const skipped = summary.numPendingTests + summary.numTodoTests
  const failedSuites = summary.numRuntimeErrorTestSuites
  if (failedSuites) console.log(`${failedSuites} test file(s) failed to run`)
  console.log(
    `${summary.numPassedTests} passed, ${summary.numFailedTests + failedSuites} failed` +
      (skipped ? `, ${skipped} skipped` : "")
  )
} else {
  console.log("0 passed, 1 failed")
}
process.exit(r.status ?? 1)
