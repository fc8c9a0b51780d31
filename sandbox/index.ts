// Kaspi sandbox: a stand-in HTTP server for the Kaspi.kz Shop API (orders part), for tests,
// benchmarks and the demo. Shares no code with the plugin (src/).

import { FaultInjector, validateFaultConfig } from "./faults"
import { buildApiRouter } from "./routes"
import type { ControlTarget } from "./routes/control"
import { SandboxHttpServer } from "./server"
import { SandboxError, SandboxStore } from "./store"
import type {
  FaultConfig,
  KaspiEventOptions,
  KaspiSandbox,
  KaspiSandboxOptions,
  KaspiSideEvent,
  OrderInput,
  SandboxOrder,
  SeedInput,
} from "./types"

export * from "./types"
export { SandboxError } from "./store"
export { isDefaultUserAgent } from "./waf"

export const DEFAULT_TOKEN = "test-token"
export const DEFAULT_MERCHANT_ID = "30123456"

export async function startKaspiSandbox(opts: KaspiSandboxOptions = {}): Promise<KaspiSandbox> {
  const tokens = opts.tokens && opts.tokens.length > 0 ? [...opts.tokens] : [DEFAULT_TOKEN]
  if (new Set(tokens).size !== tokens.length) throw new Error("tokens must be distinct")
  if (tokens.some((t) => typeof t !== "string" || t === "")) throw new Error("tokens must be non-empty strings")
  const seed = opts.seed ?? 1
  const host = opts.host ?? "127.0.0.1"

  const store = new SandboxStore({
    tokens,
    merchantId: opts.merchantId ?? DEFAULT_MERCHANT_ID,
    seed,
    waybillDelayMs: opts.waybillDelayMs ?? 1500,
    startTime: opts.startTime,
  })
  const faults = new FaultInjector(seed)

  const api: ControlTarget = {
    merchantIds: store.merchantIds,
    seedOrders: (input: SeedInput) => store.seedOrders(input),
    addOrder: (input: Partial<OrderInput>) => store.addOrder(input),
    getOrder: (code: string) => {
      const o = store.getOrderByCode(code)
      return o ? store.view(o) : undefined
    },
    listOrders: () => store.allOrders().map((o) => store.view(o)),
    trigger: (code: string, event: KaspiSideEvent, options?: KaspiEventOptions) => store.trigger(code, event, options),
    corruptOrder: (code: string, attributes: Record<string, unknown>, options?: { remove?: string[] }) => store.corruptOrder(code, attributes, options),
    setFaults: (f: FaultConfig) => {
      const v = validateFaultConfig(f)
      if (!v.ok) throw new SandboxError(v.error)
      faults.set(v.config)
    },
    getFaults: () => faults.get(),
    advanceClock: (ms: number) => store.clock.advance(ms),
    setClock: (ms: number) => store.clock.set(ms),
    now: () => store.clock.now(),
    actions: () => store.actions(),
    requests: () => store.requests(),
    reset: () => {
      store.reset()
      faults.reset()
    },
  }

  const server = new SandboxHttpServer(store, faults, buildApiRouter(), api, {
    rejectDefaultUserAgent: opts.rejectDefaultUserAgent ?? true,
    wafHangMs: opts.wafHangMs ?? 1000,
    log: opts.log,
  })
  const port = await server.listen(opts.port ?? 0, host)
  const origin = `http://${host}:${port}`

  return {
    origin,
    baseUrl: `${origin}/shop/api`,
    port,
    merchantIds: [...store.merchantIds],
    close: () => server.close(),
    seedOrders: api.seedOrders,
    addOrder: (input: Partial<OrderInput> = {}) => api.addOrder(input),
    getOrder: api.getOrder,
    trigger: (code: string, event: KaspiSideEvent, options?: KaspiEventOptions): SandboxOrder => api.trigger(code, event, options),
    corruptOrder: api.corruptOrder,
    setFaults: api.setFaults,
    advanceClock: api.advanceClock,
    setClock: api.setClock,
    now: api.now,
    actions: api.actions,
    requests: api.requests,
    reset: api.reset,
  }
}
