// Kaspi sandbox: a stand-in HTTP server for the Kaspi.kz Shop API (orders and product content),
// for tests, benchmarks and the demo. Shares no code with the plugin (src/).

import { DEFAULT_CONTENT_SETTINGS, mergeContentSettings } from "./content/settings"
import { FaultInjector, validateFaultConfig } from "./faults"
import { buildApiRouter } from "./routes"
import type { ControlTarget } from "./routes/control"
import { SandboxHttpServer } from "./server"
import { SandboxError, SandboxStore } from "./store"
import type {
  ContentSettingsInput,
  FaultConfig,
  KaspiEventOptions,
  KaspiSandbox,
  KaspiSandboxOptions,
  KaspiSideEvent,
  OrderInput,
  RawOrderValues,
  SandboxOrder,
  SeedInput,
  SendCodeAnswerConfig,
} from "./types"

export * from "./types"
export { SandboxError } from "./store"
export { isDefaultUserAgent } from "./waf"
export { GUIDE_EXAMPLE_VARIANTS } from "./variants"
export { SEND_CODE_MODES } from "./send-code"
export { CONTENT_CATEGORIES, guideImportProduct } from "./content/catalog"
export { DEFAULT_CONTENT_SETTINGS } from "./content/settings"

/** Fault routes for the content API: `setFaults({ rate: 1, kinds: ["timeout"], routes: CONTENT_API_ROUTES })` hangs it. */
export const CONTENT_API_ROUTES = ["/products/"]

export const DEFAULT_TOKEN = "test-token"
export const DEFAULT_MERCHANT_ID = "30123456"

export async function startKaspiSandbox(opts: KaspiSandboxOptions = {}): Promise<KaspiSandbox> {
  const tokens = opts.tokens && opts.tokens.length > 0 ? [...opts.tokens] : [DEFAULT_TOKEN]
  if (new Set(tokens).size !== tokens.length) throw new Error("tokens must be distinct")
  if (tokens.some((t) => typeof t !== "string" || t === "")) throw new Error("tokens must be non-empty strings")
  const seed = opts.seed ?? 1
  const host = opts.host ?? "127.0.0.1"
  const windowRule = opts.windowRule ?? "almaty-days-inclusive"
  if (windowRule !== "almaty-days-inclusive" && windowRule !== "ms") throw new Error('windowRule must be "almaty-days-inclusive" or "ms"')
  const zeroQuantityLines = opts.zeroQuantityLines ?? "keep"
  if (zeroQuantityLines !== "keep" && zeroQuantityLines !== "remove") throw new Error('zeroQuantityLines must be "keep" or "remove"')
  const content = mergeContentSettings(DEFAULT_CONTENT_SETTINGS, opts.content ?? {})

  const store = new SandboxStore({
    tokens,
    merchantId: opts.merchantId ?? DEFAULT_MERCHANT_ID,
    seed,
    waybillDelayMs: opts.waybillDelayMs ?? 1500,
    startTime: opts.startTime,
    lenient: opts.lenient === true,
    windowRule,
    zeroQuantityLines,
    content,
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
    setRawValues: (code: string, values: RawOrderValues) => store.setRawValues(code, values),
    setSendCodeAnswer: (answer: SendCodeAnswerConfig) => store.setSendCodeAnswer(answer),
    getSendCodeAnswer: () => store.getSendCodeAnswer(),
    mode: () => ({ lenient: store.options.lenient, windowRule: store.options.windowRule, zeroQuantityLines: store.options.zeroQuantityLines }),
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
    requestCountsByState: () => store.requestCountsByState(),
    contentImports: () => store.content.list(),
    getContentSettings: () => store.content.getSettings(),
    setContentSettings: (input: ContentSettingsInput) => {
      try {
        return store.content.setSettings(input)
      } catch (e) {
        throw new SandboxError(e instanceof Error ? e.message : String(e))
      }
    },
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
    setRawValues: api.setRawValues,
    setFaults: api.setFaults,
    setSendCodeAnswer: api.setSendCodeAnswer,
    getSendCodeAnswer: api.getSendCodeAnswer,
    advanceClock: api.advanceClock,
    setClock: api.setClock,
    now: api.now,
    actions: api.actions,
    requests: api.requests,
    requestCountsByState: api.requestCountsByState,
    contentImports: api.contentImports,
    getContentSettings: api.getContentSettings,
    setContentSettings: api.setContentSettings,
    setContentStatusNames: (statusNames) => api.setContentSettings({ statusNames }),
    setContentProcessingDelay: (processingDelayMs) => api.setContentSettings({ processingDelayMs }),
    reset: api.reset,
  }
}
