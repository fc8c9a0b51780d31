// The control API under /__sandbox/ (no Kaspi token; JSON in, JSON out). Never returns tokens.

import { validateFaultConfig } from "../faults"
import { isObject } from "../http"
import { Router } from "../router"
import { isKaspiSideEvent, KASPI_SIDE_EVENTS } from "../state-machine"
import { SandboxError } from "../store"
import type {
  ContentImportRecord,
  ContentSettings,
  ContentSettingsInput,
  FaultConfig,
  KaspiEventOptions,
  KaspiSideEvent,
  OrderInput,
  RawOrderValues,
  RecordedAction,
  RecordedRequest,
  SandboxOrder,
  SeedInput,
  SendCodeAnswerConfig,
  SendCodeAnswerState,
  WindowRule,
  ZeroQuantityLines,
} from "../types"

/** What the control API drives: the same operations as the programmatic API. */
export interface ControlTarget {
  merchantIds: string[]
  seedOrders(input: SeedInput): SandboxOrder[]
  addOrder(input: Partial<OrderInput>): SandboxOrder
  getOrder(code: string): SandboxOrder | undefined
  listOrders(): SandboxOrder[]
  trigger(code: string, event: KaspiSideEvent, options?: KaspiEventOptions): SandboxOrder
  corruptOrder(code: string, attributes: Record<string, unknown>, options?: { remove?: string[] }): SandboxOrder
  setRawValues(code: string, values: RawOrderValues): SandboxOrder
  setSendCodeAnswer(answer: SendCodeAnswerConfig): SendCodeAnswerState
  getSendCodeAnswer(): SendCodeAnswerState
  mode(): { lenient: boolean; windowRule: WindowRule; zeroQuantityLines: ZeroQuantityLines }
  setFaults(f: FaultConfig): void
  getFaults(): FaultConfig
  advanceClock(ms: number): void
  setClock(ms: number): void
  now(): number
  actions(): RecordedAction[]
  requests(): RecordedRequest[]
  requestCountsByState(): Record<string, number>
  contentImports(): ContentImportRecord[]
  getContentSettings(): ContentSettings
  setContentSettings(input: ContentSettingsInput): ContentSettings
  reset(): void
}

export interface ControlRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  bodyError: string | null
}

export interface ControlResponse {
  status: number
  json: unknown
}

type ControlHandler = (t: ControlTarget, req: ControlRequest, params: Record<string, string>) => unknown

const summary = (o: SandboxOrder) => ({ code: o.code, id: o.id, merchantId: o.merchantId, status: o.status, state: o.state })

function bodyObject(req: ControlRequest): Record<string, unknown> {
  if (req.bodyError) throw new SandboxError(req.bodyError)
  if (req.body === undefined) return {}
  if (!isObject(req.body)) throw new SandboxError("body must be a JSON object")
  return req.body
}

function clockView(t: ControlTarget) {
  const now = t.now()
  return { now, iso: new Date(now).toISOString() }
}

const router = new Router<ControlHandler>()
  .add("GET", "/health", (t) => ({
    ok: true,
    merchants: t.merchantIds,
    orders: t.listOrders().length,
    clock: clockView(t),
    faults: t.getFaults(),
    mode: t.mode(),
    sendCodeAnswer: t.getSendCodeAnswer(),
    content: t.getContentSettings(),
  }))
  .add("POST", "/reset", (t) => {
    t.reset()
    return { ok: true }
  })
  .add("POST", "/seed", (t, req) => {
    const orders = t.seedOrders(bodyObject(req) as unknown as SeedInput)
    return { count: orders.length, orders: orders.map(summary) }
  })
  .add("GET", "/orders", (t, req) => {
    const merchantId = req.query.get("merchantId")
    return { orders: t.listOrders().filter((o) => !merchantId || o.merchantId === merchantId).map(summary) }
  })
  .add("POST", "/orders", (t, req) => t.addOrder(bodyObject(req) as Partial<OrderInput>))
  .add("GET", "/orders/:code", (t, _req, p) => {
    const o = t.getOrder(p.code)
    if (!o) throw new SandboxError(`No order with code ${p.code}`, 404)
    return o
  })
  .add("POST", "/orders/:code/events", (t, req, p) => {
    const b = bodyObject(req)
    if (!isKaspiSideEvent(b.event)) throw new SandboxError(`event must be one of ${KASPI_SIDE_EVENTS.join(", ")}`)
    const options: KaspiEventOptions = {}
    if (b.immediate !== undefined) options.immediate = b.immediate === true
    if (typeof b.reason === "string") options.reason = b.reason
    if (typeof b.entryId === "string") options.entryId = b.entryId
    if (typeof b.entryIndex === "number") options.entryIndex = b.entryIndex
    if (b.remainedQuantity !== undefined) options.remainedQuantity = b.remainedQuantity as number
    return t.trigger(p.code, b.event, options)
  })
  .add("POST", "/orders/:code/corrupt", (t, req, p) => {
    const b = bodyObject(req)
    const attributes = b.attributes === undefined ? {} : b.attributes
    if (!isObject(attributes)) throw new SandboxError("attributes must be an object")
    return t.corruptOrder(p.code, attributes, { remove: Array.isArray(b.remove) ? (b.remove as string[]) : undefined })
  })
  // Status/state/deliveryMode strings the plugin does not know yet (API.md (b): treat the sets as open).
  .add("POST", "/orders/:code/raw", (t, req, p) => t.setRawValues(p.code, bodyObject(req) as RawOrderValues))
  // COMPLETED step 1 answers (API.md a.11, §f.10); {mode:"normal"} resets.
  .add("GET", "/send-code-answer", (t) => t.getSendCodeAnswer())
  .add("POST", "/send-code-answer", (t, req) => t.setSendCodeAnswer(bodyObject(req) as unknown as SendCodeAnswerConfig))
  .add("GET", "/clock", (t) => clockView(t))
  .add("POST", "/clock", (t, req) => {
    const b = bodyObject(req)
    if (b.advanceMs !== undefined) {
      if (typeof b.advanceMs !== "number" || !(b.advanceMs >= 0)) throw new SandboxError("advanceMs must be a non-negative number")
      t.advanceClock(b.advanceMs)
    } else if (b.set !== undefined) {
      if (typeof b.set !== "number" || !Number.isFinite(b.set)) throw new SandboxError("set must be a timestamp in ms")
      t.setClock(b.set)
    } else {
      throw new SandboxError("send {advanceMs} or {set}")
    }
    return clockView(t)
  })
  .add("GET", "/faults", (t) => t.getFaults())
  .add("POST", "/faults", (t, req) => {
    const v = validateFaultConfig(bodyObject(req))
    if (!v.ok) throw new SandboxError(v.error)
    t.setFaults(v.config)
    return t.getFaults()
  })
  .add("GET", "/actions", (t, req) => {
    const code = req.query.get("code")
    const action = req.query.get("action")
    const result = req.query.get("result")
    const actions = t.actions().filter((a) => (!code || a.code === code) && (!action || a.action === action) && (!result || a.result === result))
    return { actions }
  })
  // The product content API (API.md a.14): settings, and the imports received.
  .add("GET", "/content", (t) => t.getContentSettings())
  .add("POST", "/content", (t, req) => t.setContentSettings(bodyObject(req) as ContentSettingsInput))
  .add("GET", "/content/imports", (t) => ({ imports: t.contentImports() }))
  .add("GET", "/requests", (t) => {
    const requests = t.requests()
    const countsByRoute: Record<string, number> = {}
    for (const r of requests) countsByRoute[r.route] = (countsByRoute[r.route] ?? 0) + 1
    return { total: requests.length, faults: requests.filter((r) => r.fault).length, countsByRoute, countsByState: t.requestCountsByState(), requests }
  })

export function handleControl(target: ControlTarget, req: ControlRequest): ControlResponse {
  const sub = req.path.slice("/__sandbox".length) || "/"
  const m = router.match(req.method, sub)
  if (m.kind === "not-found") return { status: 404, json: { error: `No control route ${req.method} ${req.path}` } }
  if (m.kind === "method-not-allowed") return { status: 405, json: { error: `Use ${m.allowed.join(" or ")} for ${req.path}` } }
  try {
    return { status: 200, json: m.route.handler(target, req, m.params) }
  } catch (e) {
    if (e instanceof SandboxError) return { status: e.status, json: { error: e.message } }
    return { status: 500, json: { error: e instanceof Error ? e.message : String(e) } }
  }
}
