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

/**
 * The Kaspi sandbox for one test file: started in a beforeAll (declare it
 * before medusaIntegrationTestRunner, so the app boots pointed at it) and
 * closed in an afterAll. The object stands for the running sandbox.
 */
export function sandboxForSuite(token: string, opts: Partial<KaspiSandboxOptions> = {}): KaspiSandbox {
  let live: KaspiSandbox | undefined
  beforeAll(async () => {
    live = await startSandboxForApp(token, opts)
  })
  afterAll(async () => {
    await live?.close()
  })
  return new Proxy({} as KaspiSandbox, {
    get(_target, key) {
      if (!live) throw new Error("The Kaspi sandbox starts in beforeAll: use it inside a test or a hook")
      const value = Reflect.get(live, key)
      return typeof value === "function" ? value.bind(live) : value
    },
  })
}
