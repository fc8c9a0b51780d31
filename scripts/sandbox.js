#!/usr/bin/env node
// Launcher for the Kaspi sandbox: `npm run sandbox -- --port 4010 --token test-token`.
// Registers ts-node (swc, transpile only) and runs sandbox/cli.ts.
require("ts-node").register({
  transpileOnly: true,
  swc: true,
  compilerOptions: { module: "commonjs" },
})

const { main } = require("../sandbox/cli.ts")

main(process.argv.slice(2))
  .then(({ close }) => {
    const stop = () => {
      close().then(
        () => process.exit(0),
        () => process.exit(1)
      )
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  })
  .catch((e) => {
    console.error(e && e.message ? e.message : String(e))
    process.exit(1)
  })
