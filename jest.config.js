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
layers.all = [...layers.unit, ...layers["integration:modules"], ...layers["integration:http"]]

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
