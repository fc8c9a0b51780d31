import { startKaspiSandbox } from "../../sandbox"
import type { KaspiSandbox, KaspiSandboxOptions } from "../../sandbox/types"

/**
 * Starts the Kaspi sandbox and points the test app's plugin options (read from
 * env in medusa-config.ts) at it. Call in a beforeAll declared before
 * medusaIntegrationTestRunner, so it runs before the app boots.
 */
export async function startSandboxForApp(token: string, opts: Partial<KaspiSandboxOptions> = {}): Promise<KaspiSandbox> {
  const sandbox = await startKaspiSandbox({ tokens: [token], waybillDelayMs: 100, ...opts })
  process.env.KASPI_API_URL = sandbox.baseUrl
  process.env.KASPI_API_TOKEN = token
  process.env.KASPI_MERCHANT_ID = sandbox.merchantIds[0]
  return sandbox
}
