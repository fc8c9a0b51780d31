/**
 * The plain "N passed, N failed" line CI reads, from one or more jest --json
 * reports. A report that is missing (jest died before writing it) counts as a
 * failure, so a crash never reads as success.
 */
const fs = require("node:fs")

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return null
  }
}

function summarize(files) {
  let passed = 0
  let failed = 0
  let skipped = 0
  let unrunnable = 0
  for (const file of files) {
    const r = readReport(file)
    if (!r) {
      failed += 1
      continue
    }
    passed += r.numPassedTests
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites
    skipped += r.numPendingTests + r.numTodoTests
    unrunnable += r.numRuntimeErrorTestSuites
  }
  return { passed, failed, skipped, unrunnable }
}

function summaryLines(files) {
  const s = summarize(files)
  const lines = []
  if (s.unrunnable) lines.push(`${s.unrunnable} test file(s) failed to run`)
  lines.push(`${s.passed} passed, ${s.failed} failed` + (s.skipped ? `, ${s.skipped} skipped` : ""))
  return lines
}

module.exports = { summarize, summaryLines }

// `node scripts/lib/jest-summary.js a.json b.json`: one line for several runs (.ci/run).
if (require.main === module) {
  for (const line of summaryLines(process.argv.slice(2))) console.log(line)
}
