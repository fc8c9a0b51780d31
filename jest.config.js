const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// One config, three layers picked by TEST_TYPE (see scripts/test.js).
const layers = {
  unit: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/sandbox/**/__tests__/**/*.spec.[jt]s",
  ],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/*.module.spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
}
// The real install path: the packed plugin npm-installed into a separate host app (integration-tests/host).
layers["integration:host"] = ["<rootDir>/integration-tests/host/*.spec.[jt]s"]
// `npm run demo` started, checked through its printed URLs, and stopped (integration-tests/demo).
layers["integration:demo"] = ["<rootDir>/integration-tests/demo/*.spec.[jt]s"]
// The admin extension in real Chromium against a store serving the built plugin (integration-tests/e2e).
layers["integration:e2e"] = ["<rootDir>/integration-tests/e2e/*.e2e.spec.[jt]s"]
// Several Medusa instances, crashes, Kaspi faults, hostile input, secrets (integration-tests/reliability):
// minutes long, so not part of `all`; `npm run test:reliability` (and .ci/run) runs it.
layers["integration:reliability"] = ["<rootDir>/integration-tests/reliability/**/*.spec.[jt]s"]
// Random order histories through the app and the sandbox, then "do both sides agree?" (issue #13):
// minutes long, so its own step in .ci/run (200 histories) and `npm run test:agreement`.
layers["integration:agreement"] = ["<rootDir>/integration-tests/agreement/*.spec.[jt]s"]
layers.all = [
  ...layers.unit,
  ...layers["integration:modules"],
  ...layers["integration:http"],
  ...layers["integration:host"],
  ...layers["integration:demo"],
  ...layers["integration:e2e"],
]

const testType = process.env.TEST_TYPE || "all"
if (!layers[testType]) {
  throw new Error(`Unknown TEST_TYPE "${testType}"; use one of ${Object.keys(layers).join(", ")}`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: layers[testType],
  testTimeout: 120000,
}
