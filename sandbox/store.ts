// In-memory state of the sandbox: merchant shops (one per token), their orders, the clock,
// recorded actions/requests, and the operations that change orders.

import { SandboxClock } from "./clock"
import { ContentStore } from "./content/imports"
import { checkOrderAllowsEntryCancel, planEntryCancel, type EntryCancelPlan, type EntryCancelRequest } from "./entry-cancel"
import { DEFAULT_CATALOG } from "./kazakh-data"
import {
  MASKED_PHONE,
  assignIdentity,
  buildOrder,
  makeStoreInfo,
  recalculateTotals,
  type StoreInfo,
} from "./order-factory"
import { mixSeed, mulberry32, randInt, type Rng } from "./prng"
import { generateOrders, newWaybillFrom, orderNoForCode, validateSeedInput } from "./seed"
import {
  decideKaspiEvent,
  decideMerchantCommand,
  type Decision,
  type Effect,
  type FactsPatch,
  type MerchantCommand,
  type OrderFacts,
} from "./state-machine"
import { sendCodeAnswerProblem } from "./send-code"
import type {
  ContentSettings,
  KaspiEventOptions,
  KaspiSideEvent,
  OrderInput,
  RawOrderValues,
  RecordedAction,
  RecordedRequest,
  SandboxEntry,
  SandboxOrder,
  SeedInput,
  SendCodeAnswerConfig,
  SendCodeAnswerState,
  WindowRule,
  ZeroQuantityLines,
} from "./types"
import { variantsProblem } from "./variants"

const DAY = 24 * 60 * 60 * 1000

/** An error meant for the caller (bad input, refused event); control API answers it as 400. */
export class SandboxError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message)
    this.name = "SandboxError"
  }
}

export interface Shop {
  merchantId: string
  orders: Map<string, SandboxOrder>
  entries: Map<string, { order: SandboxOrder; entryNumber: number }>
  products: Map<string, { sku: string; name: string; manufacturer: string | null; categoryTitle: string }>
  stores: Map<string, StoreInfo>
  waybills: Map<string, SandboxOrder>
}

export interface EntryCancelOutcome {
  entry: SandboxEntry
  plan: EntryCancelPlan
  reason: string
}

export interface StoreOptions {
  tokens: string[]
  merchantId: string
  seed: number
  waybillDelayMs: number
  startTime?: number
  /** true = the old accepting list validation (sandbox unit tests only) */
  lenient: boolean
  windowRule: WindowRule
  zeroQuantityLines: ZeroQuantityLines
  content: ContentSettings
}

function merchantIdsFor(tokens: string[], first: string): string[] {
  return tokens.map((_, i) => {
    if (i === 0) return first
    return /^\d+$/.test(first) ? String(Number(first) + i) : `${first}_${i + 1}`
  })
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export class SandboxStore {
  readonly clock: SandboxClock
  /** the product content API's imports and settings (API.md a.14) */
  readonly content: ContentStore
  readonly merchantIds: string[]
  private readonly tokenToMerchant = new Map<string, string>()
  private shops = new Map<string, Shop>()
  private byCode = new Map<string, SandboxOrder>()
  private miscRng!: Rng
  private seedCalls = 0
  private addCalls = 0
  private opCounter = 0
  private lastAddedCode = 0
  private actionLog: RecordedAction[] = []
  private requestLog: RecordedRequest[] = []
  private actionSeq = 0
  private requestSeq = 0
  private sendCodeAnswer: SendCodeAnswerState = { mode: "normal", remaining: 0 }

  constructor(readonly options: StoreOptions) {
    this.clock = new SandboxClock(options.startTime)
    this.content = new ContentStore(this.clock, options.content, options.seed)
    this.merchantIds = merchantIdsFor(options.tokens, options.merchantId)
    options.tokens.forEach((t, i) => this.tokenToMerchant.set(t, this.merchantIds[i]))
    this.clock.onStep(() => this.onClockStep())
    this.resetState()
  }

  // ----------------------------------------------------------------------------- lifecycle

  reset(): void {
    this.clock.reset()
    this.resetState()
    this.content.reset()
  }

  private resetState(): void {
    this.shops = new Map()
    for (const id of this.merchantIds) {
      this.shops.set(id, { merchantId: id, orders: new Map(), entries: new Map(), products: new Map(), stores: new Map(), waybills: new Map() })
    }
    this.byCode = new Map()
    this.miscRng = mulberry32(mixSeed(this.options.seed, 0x3157))
    this.seedCalls = 0
    this.addCalls = 0
    this.opCounter = 0
    this.lastAddedCode = 800_000_000 + (this.options.seed % 1000) * 1000
    this.actionLog = []
    this.requestLog = []
    this.actionSeq = 0
    this.requestSeq = 0
    this.sendCodeAnswer = { mode: "normal", remaining: 0 }
  }

  // ----------------------------------------------------------------------------- shops

  merchantForToken(token: string | undefined): string | null {
    if (!token) return null
    return this.tokenToMerchant.get(token) ?? null
  }

  shop(merchantId: string): Shop {
    const s = this.shops.get(merchantId)
    if (!s) throw new SandboxError(`Unknown merchant ${merchantId}`, 404)
    return s
  }

  /** Picks the shop an input targets: by token, by merchant id, else the first. Never echoes a token. */
  targetShop(input: { token?: string; merchantId?: string }): Shop {
    if (input.token !== undefined) {
      const m = this.merchantForToken(input.token)
      if (!m) throw new SandboxError("token does not match any configured token")
      return this.shop(m)
    }
    if (input.merchantId !== undefined) return this.shop(String(input.merchantId))
    return this.shop(this.merchantIds[0])
  }

  storeInfo(shop: Shop, storeId: string): StoreInfo {
    let s = shop.stores.get(storeId)
    if (!s) {
      s = makeStoreInfo(shop.merchantId, storeId)
      shop.stores.set(storeId, s)
    }
    return s
  }

  private register(shop: Shop, order: SandboxOrder): void {
    if (this.byCode.has(order.code)) throw new SandboxError(`Order code ${order.code} already exists`)
    shop.orders.set(order.id, order)
    this.byCode.set(order.code, order)
    for (const e of order.entries) {
      shop.entries.set(e.id, { order, entryNumber: e.entryNumber })
      if (!shop.products.has(e.productCode)) {
        shop.products.set(e.productCode, { sku: e.sku, name: e.name, manufacturer: e.manufacturer, categoryTitle: e.category.title })
      }
    }
    this.storeInfo(shop, order.storeId)
    if (order.kaspiDelivery?.waybillToken) shop.waybills.set(order.kaspiDelivery.waybillToken, order)
  }

  // ----------------------------------------------------------------------------- creating orders

  seedOrders(input: SeedInput): SandboxOrder[] {
    const problem = validateSeedInput(input)
    if (problem) throw new SandboxError(problem)
    const shop = this.targetShop(input)
    const seed = input.seed ?? mixSeed(this.options.seed, 0x5eed, this.seedCalls++)
    const orders = generateOrders(input, {
      merchantId: shop.merchantId,
      seed,
      now: this.clock.now(),
      storeInfo: (id) => this.storeInfo(shop, id),
      codeTaken: (c) => this.byCode.has(c),
    })
    for (const o of orders) this.register(shop, o)
    return orders.map((o) => this.view(o))
  }

  addOrder(input: Partial<OrderInput> = {}): SandboxOrder {
    const shop = this.targetShop(input)
    if (input.code !== undefined && !/^\d{1,12}$/.test(String(input.code))) throw new SandboxError("code must be digits")
    if (input.entries !== undefined) {
      if (!Array.isArray(input.entries)) throw new SandboxError("entries must be an array")
      for (const e of input.entries) {
        if (!e || typeof e.sku !== "string" || e.sku === "") throw new SandboxError("every entry needs a sku")
        if (e.quantity !== undefined && (!Number.isInteger(e.quantity) || e.quantity < 1)) throw new SandboxError(`entry ${e.sku}: quantity must be a positive integer`)
        if (e.basePrice !== undefined && !(typeof e.basePrice === "number" && e.basePrice >= 0)) throw new SandboxError(`entry ${e.sku}: basePrice must be a non-negative number`)
      }
    }
    const variantsError = variantsProblem(input.variants)
    if (variantsError) throw new SandboxError(variantsError)
    const rng = mulberry32(input.seed ?? mixSeed(this.options.seed, 0xadd, this.addCalls++))
    const order = buildOrder(input, {
      merchantId: shop.merchantId,
      rng,
      now: this.clock.now(),
      storeInfo: (id) => this.storeInfo(shop, id),
      catalog: DEFAULT_CATALOG,
      randomizeProgress: false,
      stores: ["PP1", "PP2"],
      newWaybill: () => newWaybillFrom(this.miscRng),
    })
    let code = input.code !== undefined ? String(input.code) : ""
    if (!code) {
      let n = this.lastAddedCode + randInt(rng, 1, 97)
      while (this.byCode.has(String(n))) n++
      this.lastAddedCode = n
      code = String(n)
    }
    if (this.byCode.has(code)) throw new SandboxError(`Order code ${code} already exists`)
    assignIdentity(order, orderNoForCode(code), code)
    if (input.variants) order.variants = { ...order.variants, ...input.variants }
    this.register(shop, order)
    return this.view(order)
  }

  // ----------------------------------------------------------------------------- reading

  /** Brings time-driven fields up to date (the waybill appears once its delay has passed). */
  refresh(order: SandboxOrder): SandboxOrder {
    const kd = order.kaspiDelivery
    if (order.assembled && kd && !kd.waybillToken && order.waybillDueRealTime !== null) {
      const due = Date.now() >= order.waybillDueRealTime || (order.waybillDueClockTime !== null && this.clock.now() >= order.waybillDueClockTime)
      if (due) this.publishWaybill(order)
    }
    return order
  }

  private publishWaybill(order: SandboxOrder): void {
    const kd = order.kaspiDelivery
    if (!kd) return
    const wb = newWaybillFrom(this.miscRng)
    kd.waybillToken = wb.token
    kd.waybillNumber = wb.number
    this.shop(order.merchantId).waybills.set(wb.token, order)
  }

  /** A detached copy for callers (tests cannot mutate the store by accident). */
  view(order: SandboxOrder): SandboxOrder {
    return clone(this.refresh(order))
  }

  getOrderByCode(code: string): SandboxOrder | undefined {
    const o = this.byCode.get(code)
    return o ? this.refresh(o) : undefined
  }

  findOrder(shop: Shop, id: string): SandboxOrder | undefined {
    const o = shop.orders.get(id)
    return o ? this.refresh(o) : undefined
  }

  findOrderByCode(shop: Shop, code: string): SandboxOrder | undefined {
    const o = this.byCode.get(code)
    return o && o.merchantId === shop.merchantId ? this.refresh(o) : undefined
  }

  listOrders(shop: Shop): SandboxOrder[] {
    return [...shop.orders.values()].map((o) => this.refresh(o))
  }

  allOrders(): SandboxOrder[] {
    return [...this.byCode.values()].map((o) => this.refresh(o))
  }

  findEntry(shop: Shop, entryId: string): { order: SandboxOrder; entry: SandboxEntry } | undefined {
    const ref = shop.entries.get(entryId)
    if (!ref) return undefined
    const entry = ref.order.entries.find((e) => e.entryNumber === ref.entryNumber)
    return entry ? { order: this.refresh(ref.order), entry } : undefined
  }

  findWaybill(shop: Shop, token: string): SandboxOrder | undefined {
    return shop.waybills.get(token)
  }

  // ----------------------------------------------------------------------------- changing orders

  facts(o: SandboxOrder): OrderFacts {
    return {
      state: o.state,
      status: o.status,
      deliveryMode: o.deliveryMode,
      isKaspiDelivery: o.isKaspiDelivery,
      assembled: o.assembled,
      signatureRequired: o.signatureRequired,
      preOrder: o.preOrder,
      arrived: o.arrived,
      securityCode: o.securityCode,
      courierPickedUp: o.kaspiDelivery?.courierTransmissionDate != null,
      returnedToWarehouse: o.returnedToWarehouse,
    }
  }

  applyMerchantCommand(order: SandboxOrder, cmd: MerchantCommand): Decision {
    this.refresh(order)
    const d = decideMerchantCommand(this.facts(order), cmd)
    if (d.ok) this.apply(order, d.patch, d.effects)
    return d
  }

  trigger(code: string, event: KaspiSideEvent, options: KaspiEventOptions = {}): SandboxOrder {
    const order = this.byCode.get(code)
    if (!order) throw new SandboxError(`No order with code ${code}`, 404)
    this.refresh(order)
    const d = decideKaspiEvent(this.facts(order), event, options)
    if (!d.ok) throw new SandboxError(d.title)
    if (event === "cabinet_cancel_entry") this.cabinetCancelEntry(order, options)
    else this.apply(order, d.patch, d.effects)
    return this.view(order)
  }

  /**
   * The merchant cancels a line (or part of it) in the Kaspi cabinet: the same effect as the
   * API's partial cancel (a.12), but the plugin never asked for it, so nothing is recorded as a
   * request or an action — the plugin can only notice it by reading the order again.
   */
  private cabinetCancelEntry(order: SandboxOrder, options: KaspiEventOptions): void {
    const entry =
      options.entryId !== undefined
        ? order.entries.find((e) => e.id === options.entryId)
        : options.entryIndex !== undefined
          ? order.entries.find((e) => e.entryNumber === options.entryIndex)
          : undefined
    if (options.entryId === undefined && options.entryIndex === undefined) throw new SandboxError("cabinet_cancel_entry needs entryId or entryIndex")
    if (!entry) throw new SandboxError(`Order ${order.code} has no entry ${options.entryId ?? `number ${options.entryIndex}`}`, 404)
    const result = this.cancelEntries(
      order,
      [{ entry, request: { remainedQuantity: options.remainedQuantity, reason: options.reason ?? "MERCHANT_OUT_OF_STOCK" } }],
      { allowUnderweight: false }
    )
    if (!result.ok) throw new SandboxError(result.detail ? `${result.title}: ${result.detail}` : result.title)
  }

  corruptOrder(code: string, attributes: Record<string, unknown>, options: { remove?: string[] } = {}): SandboxOrder {
    const order = this.byCode.get(code)
    if (!order) throw new SandboxError(`No order with code ${code}`, 404)
    if (!attributes || typeof attributes !== "object" || Array.isArray(attributes)) throw new SandboxError("attributes must be an object")
    const remove = options.remove ?? []
    if (!Array.isArray(remove) || remove.some((r) => typeof r !== "string")) throw new SandboxError("remove must be an array of attribute names")
    order.corruption = Object.keys(attributes).length === 0 && remove.length === 0 ? null : { set: { ...attributes }, remove: [...remove] }
    return this.view(order)
  }

  setRawValues(code: string, values: RawOrderValues): SandboxOrder {
    const order = this.byCode.get(code)
    if (!order) throw new SandboxError(`No order with code ${code}`, 404)
    if (!values || typeof values !== "object" || Array.isArray(values)) throw new SandboxError("body must be an object {status?, state?, deliveryMode?}")
    const raw: RawOrderValues = {}
    for (const [k, v] of Object.entries(values)) {
      if (k !== "status" && k !== "state" && k !== "deliveryMode") throw new SandboxError(`unknown key ${k}; use status, state, deliveryMode`)
      if (typeof v !== "string" || v === "") throw new SandboxError(`${k} must be a non-empty string`)
      raw[k] = v
    }
    order.rawValues = Object.keys(raw).length === 0 ? null : raw
    return this.view(order)
  }

  // ----------------------------------------------------------------------------- COMPLETED step 1 answers

  setSendCodeAnswer(config: SendCodeAnswerConfig): SendCodeAnswerState {
    const problem = sendCodeAnswerProblem(config)
    if (problem) throw new SandboxError(problem)
    if (config.mode === "normal") this.sendCodeAnswer = { mode: "normal", remaining: 0 }
    else {
      const next: SendCodeAnswerState = { mode: config.mode, remaining: config.times ?? 1 }
      if (config.body !== undefined) next.body = clone(config.body)
      if (config.title !== undefined) next.title = config.title
      this.sendCodeAnswer = next
    }
    return this.getSendCodeAnswer()
  }

  getSendCodeAnswer(): SendCodeAnswerState {
    return clone(this.sendCodeAnswer)
  }

  /** The answer for one valid step-1 request; uses up one of `times`, then falls back to normal. */
  takeSendCodeAnswer(): SendCodeAnswerState {
    const a = this.sendCodeAnswer
    if (a.mode === "normal" || a.remaining <= 0) return { mode: "normal", remaining: 0 }
    const taken = clone(a)
    a.remaining -= 1
    if (a.remaining <= 0) this.sendCodeAnswer = { mode: "normal", remaining: 0 }
    return taken
  }

  private apply(order: SandboxOrder, patch: FactsPatch, effects: Effect[]): void {
    const now = this.clock.now()
    if (patch.state !== undefined) order.state = patch.state
    if (patch.status !== undefined) order.status = patch.status
    if (patch.assembled !== undefined) order.assembled = patch.assembled
    if (patch.numberOfSpace !== undefined) order.numberOfSpace = patch.numberOfSpace
    if (patch.arrived !== undefined) order.arrived = patch.arrived
    if (patch.signatureRequired !== undefined) order.signatureRequired = patch.signatureRequired
    if (patch.cancellationReason !== undefined) order.cancellationReason = patch.cancellationReason
    if (patch.cancellationComment !== undefined) order.cancellationComment = patch.cancellationComment
    if (patch.pendingCancellation !== undefined) order.pendingCancellation = patch.pendingCancellation
    if (patch.returnedToWarehouse !== undefined) {
      order.returnedToWarehouse = patch.returnedToWarehouse
      if (order.kaspiDelivery) order.kaspiDelivery.returnedToWarehouse = patch.returnedToWarehouse
    }
    if (patch.courierPickedUp && order.kaspiDelivery) order.kaspiDelivery.courierTransmissionDate = now
    for (const effect of effects) {
      switch (effect) {
        case "SEND_SECURITY_CODE":
          order.securityCode = String(randInt(this.miscRng, 1000, 9999))
          order.securityCodeSentAt = now
          order.codesSent += 1
          break
        case "SCHEDULE_WAYBILL": {
          const delay = this.options.waybillDelayMs
          order.waybillDueRealTime = Date.now() + delay
          order.waybillDueClockTime = now + delay
          if (order.kaspiDelivery) order.kaspiDelivery.courierTransmissionPlanningDate = now + DAY
          if (delay <= 0) this.publishWaybill(order)
          break
        }
        case "COMPLETED":
          order.completedAt = now
          break
        case "ARCHIVED":
          // Kaspi masks the buyer's phone once an order is archived (API.md a.1).
          order.customer.cellPhone = MASKED_PHONE
          break
      }
    }
  }

  private onClockStep(): void {
    this.content.settleDue()
    for (const order of this.byCode.values()) {
      if (order.pendingCancellation && order.status === "CANCELLING") {
        this.apply(order, { status: "CANCELLED", state: "ARCHIVE", pendingCancellation: false }, ["ARCHIVED"])
      }
      this.refresh(order)
    }
  }

  /** Validates every line first, then applies all of them (all or nothing). */
  cancelEntries(
    order: SandboxOrder,
    items: Array<{ entry: SandboxEntry; request: EntryCancelRequest }>,
    options: { allowUnderweight: boolean }
  ): { ok: true; outcomes: EntryCancelOutcome[] } | { ok: false; title: string; detail?: string } {
    const gate = checkOrderAllowsEntryCancel(order.status, order.assembled)
    if (!gate.ok) return gate
    const outcomes: EntryCancelOutcome[] = []
    for (const item of items) {
      const d = planEntryCancel(item.entry, item.request, options)
      if (!d.ok) return d
      outcomes.push({ entry: item.entry, plan: d.plan, reason: d.reason })
    }
    // A line cancelled to 0 counts as gone, whether it is kept (quantity 0) or removed.
    const emptied = new Set(outcomes.filter((o) => o.plan.remove).map((o) => o.entry))
    const left = order.entries.filter((e) => !emptied.has(e) && e.quantity > 0).length
    if (left === 0) {
      return { ok: false, title: "The last entry of an order can't be cancelled; cancel the whole order instead" }
    }
    const keepZero = this.options.zeroQuantityLines === "keep"
    for (const o of outcomes) {
      if (o.plan.remove && keepZero) {
        // API.md a.12 says "0 removes the line", but no captured response shows it gone; "keep"
        // (quantity 0, totalPrice 0, still listed) is the form a reader must survive either way.
        o.entry.quantity = 0
        o.entry.weight = 0
        o.entry.totalPrice = 0
        if (o.entry.minAllowedWeight !== null) o.entry.minAllowedWeight = 0
      } else if (o.plan.remove) {
        order.entries = order.entries.filter((e) => e !== o.entry)
      } else {
        o.entry.quantity = o.plan.quantity
        o.entry.weight = o.plan.weight
        o.entry.totalPrice = o.plan.totalPrice
        if (o.entry.minAllowedWeight !== null) o.entry.minAllowedWeight = Math.min(o.entry.minAllowedWeight, o.plan.weight)
      }
    }
    recalculateTotals(order)
    return { ok: true, outcomes }
  }

  nextOperationNumber(): number {
    return ++this.opCounter
  }

  // ----------------------------------------------------------------------------- records

  recordAction(a: Omit<RecordedAction, "seq" | "at">): RecordedAction {
    const rec: RecordedAction = { seq: ++this.actionSeq, at: this.clock.now(), ...a }
    this.actionLog.push(rec)
    return rec
  }

  recordRequest(r: Omit<RecordedRequest, "seq" | "at" | "status">): RecordedRequest {
    const rec: RecordedRequest = { seq: ++this.requestSeq, at: this.clock.now(), status: 0, ...r }
    this.requestLog.push(rec)
    return rec
  }

  actions(): RecordedAction[] {
    return clone(this.actionLog)
  }

  requests(): RecordedRequest[] {
    return clone(this.requestLog)
  }

  /** GET /v2/orders list calls (by-code lookups left out), counted by filter[orders][state] as sent. */
  requestCountsByState(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const r of this.requestLog) {
      if (r.route !== "GET /v2/orders") continue
      const q = new URLSearchParams(r.query)
      if (q.has("filter[orders][code]")) continue
      const states = q.getAll("filter[orders][state]")
      const key = states.length === 0 ? "(none)" : states.join(",")
      counts[key] = (counts[key] ?? 0) + 1
    }
    return counts
  }
}
