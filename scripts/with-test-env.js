#!/usr/bin/env node
// Runs a command with the test environment (DB_* and friends), e.g. `medusa plugin:db:generate`.
const { spawnSync } = require("node:child_process")
const { testEnv } = require("./test-env")

const [cmd, ...args] = process.argv.slice(2)
const r = spawnSync("npx", [cmd, ...args], { stdio: "inherit", env: testEnv() })
process.exit(r.status ?? 1)
