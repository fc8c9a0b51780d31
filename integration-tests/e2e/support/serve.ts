/**
 * For a person working on the admin screens: boots the e2e store with some
 * Kaspi orders and keeps it running (Ctrl-C stops it). Not a test.
 *   node -r ts-node/register/transpile-only integration-tests/e2e/support/serve.ts
 */
import { startAdminApp, ADMIN } from "./admin-app"
import { seedScenario } from "./scenario"

async function main() {
  const app = await startAdminApp({ log: (m) => console.log(m) })
  const seeded = await seedScenario(app)
  console.log(JSON.stringify({ admin: `${app.baseUrl}/app`, login: ADMIN, sandbox: app.sandbox.origin, ...seeded }, null, 2))
  const stop = async () => {
    await app.stop()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
