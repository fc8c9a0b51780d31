import type { KaspiSandbox } from "../../../../../sandbox/types"
import { SecretToken } from "../../secret"
import { KaspiClient, type KaspiClientOptions } from "../kaspi-client"

/** A client of the sandbox's first shop with test timings: no spacing, short backoff; `over` adds the rest. */
export function sandboxClient(sandbox: KaspiSandbox, token: string, over: Partial<KaspiClientOptions> = {}): KaspiClient {
  return new KaspiClient({
    baseUrl: sandbox.baseUrl,
    token: new SecretToken(token),
    merchantId: sandbox.merchantIds[0],
    userAgent: "medusa-plugin-kaspi-tests/1.0",
    minRequestIntervalMs: 0,
    maxConcurrentRequests: 4,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    timeouts: { ordersMs: 2_000, productsMs: 2_000, waybillMs: 2_000 },
    ...over,
  })
}
