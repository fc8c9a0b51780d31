#!/usr/bin/env node
/**
 * `npm run bench -- <name> [--args]`: runs bench/<name>.ts with ts-node (swc,
 * no type-check) and the test environment (DB_* defaults). Each bench prints
 * ONE JSON line per result on stdout. Benches are not part of CI.
 */
const path = require("node:path")
const fs = require("node:fs")
const { testEnv } = require("./test-env")

const [name, ...args] = process.argv.slice(2)
const root = path.resolve(__dirname, "..")
const file = name && path.join(root, "bench", `${name}.ts`)
if (!file || !fs.existsSync(file)) {
  const known = fs.existsSync(path.join(root, "bench"))
    ? fs.readdirSync(path.join(root, "bench")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3))
    : []
  console.error(`usage: npm run bench -- <name> [--args]; benches: ${known.join(", ") || "(none)"}`)
  process.exit(2)
}
Object.assign(process.env, testEnv(process.env))
require("ts-node").register({ transpileOnly: true, swc: true, compilerOptions: { module: "commonjs" } })
process.argv = [process.argv[0], file, ...args]
Promise.resolve(require(file).main?.(args))
  .then((code) => {
    if (typeof code === "number") process.exitCode = code
  })
  .catch((e) => {
    console.error(e)
    process.exit(1)
  })
