import { KaspiApiError } from "./errors"
import { splitIntoWindows, toEpochMs, DEFAULT_WINDOW_SHAPE, type WindowShape } from "./date-windows"
import { parseOrderEntry, parseOrdersPage, parseOrThrow, type KaspiParseContext, type KaspiOrder, type KaspiOrderEntry, type KaspiOrdersPage } from "./parse"
import {
  kaspiCityResourceSchema,
  kaspiEntryCancelResponseSchema,
  kaspiListEnvelopeSchema,
  kaspiStatusChangeResponseSchema,
  type KaspiCancellationReason,
  type KaspiCity,
  type KaspiOrderState,
  type KaspiPartialCancelReason,
} from "./schemas"
import { KaspiContentClient, type KaspiContentOptions } from "./kaspi-content-client"
import { KaspiTransport, type KaspiRequest, type KaspiTransportOptions } from "./transport"
import { redactSecrets } from "../secret"

export const KASPI_MAX_PAGE_SIZE = 100

export interface ListOrdersQuery {
  /**
   * Exactly one state: whether Kaspi accepts several in one filter is an open
   * question (API.md §f.3) and every public client sends one per request.
   */
  state: KaspiOrderState
  /** creationDate from (inclusive). Kaspi requires it. */
  from: Date | number
  /** creationDate to (inclusive); Kaspi's default is now. At most the client's window after `from`. */
  to?: Date | number
  status?: string
  /** Sent as given: sources disagree on PICKUP/DELIVERY vs DELIVERY_PICKUP/DELIVERY_LOCAL (API.md a.1). */
  deliveryType?: string
  signatureRequired?: boolean
  include?: Array<"entries" | "user">
  page?: number
  pageSize?: number
}

export interface WalkOrdersQuery extends Omit<ListOrdersQuery, "page" | "to"> {
  to: Date | number
}

export interface OrderRef {
  id: string
  code: string
}

export interface StatusChangeResult {
  id: string
  code?: string
  status?: string
  raw: unknown
}

/** Completion step 1's answer: any 2xx (API.md f.10: its exact form is not documented). */
export interface CompletionCodeResult extends StatusChangeResult {
  /** The usual echo of the order, an empty body, or something else (kept in `raw`, cut to 500 characters when not JSON). */
  answer: "echo" | "empty" | "other"
  httpStatus: number
}

export interface EntryCancel {
  entryId: string
  remainedQuantity: number
  remainedWeight?: number
  reason: KaspiPartialCancelReason
  notes?: string
}

export interface KaspiClientOptions extends KaspiTransportOptions {
  merchantId: string
  /** productsMs: each product content request (API.md a.14; 60 s in the plugin's options). */
  timeouts: { ordersMs: number; productsMs: number; waybillMs: number }
  /** The product content API's import Content-Type and status names (its timeout is timeouts.productsMs). */
  content?: Omit<KaspiContentOptions, "timeoutMs">
  /** The creationDate windows asked for (default: 13 days, 1 h overlap; see date-windows.ts). */
  window?: WindowShape
}

/**
 * Typed access to one Kaspi shop's Shop API: only the endpoints a feature
 * calls (orders a.1–a.2, entries a.4, cities a.9, status changes a.11, entry
 * cancel a.12, the waybill; the product content API a.14 is `content`). Every
 * response is validated; every failure is a KaspiApiError.
 */
export class KaspiClient {
  private readonly transport: KaspiTransport
  /** The product content API (API.md a.14), on the same transport: one rate limit for both. */
  readonly content: KaspiContentClient

  constructor(private readonly opts: KaspiClientOptions) {
    this.transport = new KaspiTransport(opts)
    this.content = new KaspiContentClient(this.transport, { ...opts.content, timeoutMs: opts.timeouts.productsMs })
  }

  get merchantId(): string {
    return this.opts.merchantId
  }

  /** The widest creationDate window this client asks Kaspi for. */
  get window(): WindowShape {
    return this.opts.window ?? DEFAULT_WINDOW_SHAPE
  }

  close(): Promise<void> {
    return this.transport.close()
  }

  private read(path: string, query?: KaspiRequest["query"], timeoutMs = this.opts.timeouts.ordersMs) {
    return this.transport.send({ method: "GET", path, query, timeoutMs, retry: "read" })
  }

  // ── orders (a.1–a.3) ────────────────────────────────────────────────────────

  /** One page of GET /v2/orders. */
  async listOrders(q: ListOrdersQuery): Promise<KaspiOrdersPage> {
    const page = q.page ?? 0
    const pageSize = q.pageSize ?? KASPI_MAX_PAGE_SIZE
    if (pageSize < 1 || pageSize > KASPI_MAX_PAGE_SIZE) {
      throw new RangeError(`pageSize must be 1..${KASPI_MAX_PAGE_SIZE}`)
    }
    if (typeof q.state !== "string") throw new TypeError("listOrders takes exactly one state per request (API.md §f.3)")
    const from = toEpochMs(q.from)
    const to = q.to === undefined ? undefined : toEpochMs(q.to)
    if (to !== undefined && to - from >= this.window.maxMs) {
      throw new RangeError(
        `Kaspi accepts a creationDate window of at most 14 days; this client asks for at most ${this.window.maxMs / 86_400_000} days: use walkOrders for longer ranges`
      )
    }
    const path = "/v2/orders"
    const res = await this.read(path, {
      "page[number]": page,
      "page[size]": pageSize,
      "filter[orders][state]": q.state,
      "filter[orders][creationDate][$ge]": from,
      "filter[orders][creationDate][$le]": to,
      "filter[orders][status]": q.status,
      "filter[orders][deliveryType]": q.deliveryType,
      "filter[orders][signatureRequired]": q.signatureRequired,
      "include[orders]": q.include?.length ? q.include.join(",") : undefined,
    })
    return parseOrdersPage(res.body, page, { method: "GET", path }, this.parseContext())
  }

  /**
   * Every page of every window between `from` and `to` for one state, oldest
   * first (windows overlap a little, so an order may come twice). Each yielded
   * page is complete and validated before the next is read.
   */
  async *walkOrders(q: WalkOrdersQuery): AsyncGenerator<KaspiOrdersPage & { window: { from: number; to: number } }> {
    for (const window of splitIntoWindows(toEpochMs(q.from), toEpochMs(q.to), this.window)) {
      let page = 0
      for (;;) {
        const result = await this.listOrders({ ...q, from: window.from, to: window.to, page })
        yield { ...result, window }
        page += 1
        if (page >= result.pageCount || (result.orders.length + result.invalid.length === 0)) break
      }
    }
  }

  /** An order by its code, with its entries; null when Kaspi knows no such order. Not limited to 14 days. */
  async getOrderByCode(code: string, opts: { includeEntries?: boolean } = {}): Promise<KaspiOrder | null> {
    const path = "/v2/orders"
    const res = await this.read(path, {
      "filter[orders][code]": code,
      "page[number]": 0,
      "page[size]": 1,
      "include[orders]": opts.includeEntries === false ? undefined : "entries",
    })
    const page = parseOrdersPage(res.body, 0, { method: "GET", path }, this.parseContext())
    if (page.invalid.length) {
      throw new KaspiApiError({ kind: "invalid_response", method: "GET", path, detail: page.invalid[0].reason })
    }
    return page.orders[0] ?? null
  }

  /**
   * An order by its code with every entry: Kaspi may leave entries out of
   * `included` (API.md a.4), and an entry left out would read as cancelled,
   * so they are then read on their own (a second request). Null when Kaspi
   * knows no such order.
   */
  async getWholeOrderByCode(code: string): Promise<KaspiOrder | null> {
    const found = await this.getOrderByCode(code)
    if (!found || (!found.missingEntryIds.length && found.entries.length)) return found
    return { ...found, entries: await this.getOrderEntries(found.id), missingEntryIds: [] }
  }

  // ── entries (a.4) and cities (a.9) ──────────────────────────────────────────

  async getOrderEntries(orderId: string): Promise<KaspiOrderEntry[]> {
    const path = `/v2/orders/${encodeURIComponent(orderId)}/entries`
    const res = await this.read(path)
    const envelope = parseOrThrow(kaspiListEnvelopeSchema, res.body, { method: "GET", path })
    return envelope.data.map((raw, i) => {
      const { entry, error, raw: stored } = parseOrderEntry(raw)
      if (!entry) {
        throw new KaspiApiError({ kind: "invalid_response", method: "GET", path, detail: `data.${i}: ${error}` })
      }
      return { ...entry, raw: stored }
    })
  }

  async listCities(): Promise<KaspiCity[]> {
    const path = "/v2/cities"
    const res = await this.read(path)
    const envelope = parseOrThrow(kaspiListEnvelopeSchema, res.body, { method: "GET", path })
    return envelope.data.map((raw) => parseOrThrow(kaspiCityResourceSchema, raw, { method: "GET", path }))
  }

  // ── status changes (a.11) ───────────────────────────────────────────────────

  private async changeStatus(
    ref: OrderRef,
    attributes: Record<string, unknown>,
    headers?: Record<string, string>
  ): Promise<StatusChangeResult> {
    const path = "/v2/orders"
    const res = await this.transport.send({
      method: "POST",
      path,
      body: { data: { type: "orders", id: ref.id, attributes: { code: ref.code, ...attributes } } },
      headers,
      timeoutMs: this.opts.timeouts.ordersMs,
      retry: "write",
    })
    const parsed = parseOrThrow(kaspiStatusChangeResponseSchema, res.body ?? {}, { method: "POST", path })
    return {
      id: parsed.data.id,
      code: parsed.data.attributes?.code,
      status: parsed.data.attributes?.status,
      raw: res.body,
    }
  }

  acceptOrder(ref: OrderRef): Promise<StatusChangeResult> {
    return this.changeStatus(ref, { status: "ACCEPTED_BY_MERCHANT" })
  }

  cancelOrder(ref: OrderRef, reason: KaspiCancellationReason, comment?: string): Promise<StatusChangeResult> {
    if (comment && comment.length > 1000) throw new RangeError("Kaspi accepts a cancellation comment of at most 1000 characters")
    return this.changeStatus(ref, {
      status: "CANCELLED",
      cancellationReason: reason,
      ...(comment ? { cancellationComment: comment } : {}),
    })
  }

  /**
   * Completion step 1: Kaspi sends the buyer a code (pickup and merchant delivery only).
   * Sent once: retried only when the connection was refused (the request never
   * reached Kaspi), since each request that reaches Kaspi may text the buyer a new
   * code. Its exact answer is not documented (API.md f.10), so any 2xx counts as
   * taken, whatever its body (`answer` says which); a 4xx, 5xx or no answer comes
   * back as a KaspiApiError for the caller to judge (API.md a.11: a 4xx may come
   * with the code sent all the same).
   */
  async sendCompletionCode(ref: OrderRef): Promise<CompletionCodeResult> {
    const path = "/v2/orders"
    const res = await this.transport.send<Buffer>({
      method: "POST",
      path,
      body: { data: { type: "orders", id: ref.id, attributes: { code: ref.code, status: "COMPLETED" } } },
      headers: { "x-security-code": "", "x-send-code": "true" },
      timeoutMs: this.opts.timeouts.ordersMs,
      retry: "refused-only",
      expect: "binary",
    })
    const text = redactSecrets(Buffer.from(res.body ?? []).toString("utf8"), [this.opts.token]).trim()
    if (!text) return { id: ref.id, code: ref.code, raw: null, answer: "empty", httpStatus: res.status }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return { id: ref.id, code: ref.code, raw: text.slice(0, 500), answer: "other", httpStatus: res.status }
    }
    const echo = kaspiStatusChangeResponseSchema.safeParse(json)
    if (!echo.success) return { id: ref.id, code: ref.code, raw: json, answer: "other", httpStatus: res.status }
    return {
      id: echo.data.data.id,
      code: echo.data.data.attributes?.code ?? ref.code,
      status: echo.data.data.attributes?.status,
      raw: json,
      answer: "echo",
      httpStatus: res.status,
    }
  }

  /** Completion step 2: the code the buyer read out. */
  completeOrder(ref: OrderRef, securityCode: string): Promise<StatusChangeResult> {
    return this.changeStatus(ref, { status: "COMPLETED" }, { "x-security-code": securityCode, "x-send-code": "true" })
  }

  /** Kaspi Delivery: packed in `numberOfSpace` packages; Kaspi then issues the waybill. */
  assembleOrder(ref: OrderRef, numberOfSpace: number): Promise<StatusChangeResult> {
    if (!Number.isInteger(numberOfSpace) || numberOfSpace < 1) throw new RangeError("numberOfSpace must be a whole number ≥ 1")
    return this.changeStatus(ref, { status: "ASSEMBLE", numberOfSpace: String(numberOfSpace) })
  }

  /** Pre-order goods arrived at the point. */
  markArrived(ref: OrderRef): Promise<StatusChangeResult> {
    return this.changeStatus(ref, { status: "ARRIVED" })
  }

  /** Returned goods arrived back at the warehouse. */
  markArrivedBackward(ref: OrderRef): Promise<StatusChangeResult> {
    return this.changeStatus(ref, { status: "ARRIVED_BACKWARD" })
  }

  // ── partial cancellation (a.12) ─────────────────────────────────────────────

  async cancelOrderEntry(c: EntryCancel): Promise<{ status: string; raw: unknown }> {
    const path = "/v2/orderEntryCancelOperation"
    const res = await this.transport.send({
      method: "POST",
      path,
      body: {
        data: {
          type: "orderEntryCancelOperation",
          attributes: {
            notes: c.notes ?? "",
            remainedQuantity: c.remainedQuantity,
            ...(c.remainedWeight !== undefined ? { remainedWeight: c.remainedWeight } : {}),
            reason: c.reason,
          },
          relationships: { entry: { data: { type: "orderentries", id: c.entryId } } },
        },
      },
      timeoutMs: this.opts.timeouts.ordersMs,
      retry: "write",
    })
    const parsed = parseOrThrow(kaspiEntryCancelResponseSchema, res.body, { method: "POST", path })
    return { status: parsed.data.attributes.status, raw: res.body }
  }

  /** Waybill links are trusted on kaspi.kz and on the configured API's own origin only (waybill-url.ts). */
  private parseContext(): KaspiParseContext {
    return { apiUrl: this.opts.baseUrl, warn: (m) => this.opts.logger?.warn?.(m) }
  }

  // ── waybill ─────────────────────────────────────────────────────────────────

  /** Downloads the waybill PDF from the absolute URL Kaspi put in kaspiDelivery.waybill. */
  async downloadWaybill(url: string): Promise<Buffer> {
    const res = await this.transport.send<Buffer>({
      method: "GET",
      path: url,
      accept: "application/pdf",
      expect: "binary",
      timeoutMs: this.opts.timeouts.waybillMs,
      retry: "read",
    })
    if (res.body.subarray(0, 5).toString("latin1") !== "%PDF-") {
      throw new KaspiApiError({ kind: "invalid_response", method: "GET", path: "/waybill", detail: "the waybill is not a PDF" })
    }
    return res.body
  }
}
