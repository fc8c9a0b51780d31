import { sdk } from "./sdk"
import type {
  ConnectionResult,
  FeedConfig,
  FeedDiffResponse,
  FeedPreviewEntry,
  FeedReport,
  FeedStatus,
  FeedBuild,
  KaspiAccount,
  KaspiCheck,
  KaspiActionBody,
  KaspiActionRow,
  KaspiActionsResponse,
  KaspiEventsResponse,
  KaspiOrderResponse,
  KaspiOrdersResponse,
  KaspiOrderOptions,
  KaspiOverview,
  KaspiDeadlines,
  ResolveDisagreementBody,
  ResolveDisagreementResponse,
  StoreTokenResponse,
  StoreMapping,
} from "./types"
import type {
  AdminClearKaspiTokenResponse,
  AdminCreateStoreMappingRequest,
  AdminKaspiBackfillResponse,
  AdminKaspiHandoverResponse,
  AdminPrintKaspiHandoverRequest,
  AdminKaspiBackfillsResponse,
  AdminKaspiActionsQuery,
  AdminKaspiEventsQuery,
  AdminKaspiMappingDeleteResponse,
  AdminStartKaspiBackfillRequest,
  AdminKaspiOrdersQuery,
  AdminKaspiSkuMappingCreateResponse,
  AdminUpdateKaspiFeedConfigRequest,
  AdminUpdateKaspiOrderOptionsRequest,
  AdminUpdateStoreMappingRequest,
  Jsonified,
} from "../../types"

/** A refused call with the whole answer: the 400 of the action rules carries `code` and `params` beside `message`. */
export class KaspiApiAnswerError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(message)
  }
}

/**
 * POST with the session cookie, like the SDK, but keeping the error answer
 * whole: the SDK's FetchError keeps only `message`, and the admin needs the
 * refusal's code to say it in the user's language (issue #19).
 */
export async function postKeepingError<T>(path: string, body: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const base = (__BACKEND_URL__ || "").replace(/\/$/, "")
  const resp = await fetch(`${base}${path}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
  })
  const json = (await resp.json().catch(() => ({}))) as Record<string, unknown>
  if (!resp.ok) throw new KaspiApiAnswerError(typeof json.message === "string" ? json.message : resp.statusText, resp.status, json)
  return json as T
}

/** The plugin's admin API (README "Admin API"), one function per call. */
const get = <T>(path: string, query?: Record<string, unknown>) => sdk.client.fetch<T>(path, { method: "GET", query })
const post = <T>(path: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  sdk.client.fetch<T>(path, { method: "POST", body, ...(headers ? { headers } : {}) })
const del = <T>(path: string) => sdk.client.fetch<T>(path, { method: "DELETE" })
const enc = encodeURIComponent

/** The filters the Kaspi page sends; paging always. */
export type OrdersQuery = AdminKaspiOrdersQuery & { limit: number; offset: number }
/** The outbox across orders (GET /admin/kaspi/actions): failed rows unless `status` says otherwise. */
export type ActionsQuery = AdminKaspiActionsQuery & { limit: number; offset: number }
/** The account's event log (GET /admin/kaspi/events); paging always. */
export type EventsQuery = AdminKaspiEventsQuery & { limit: number; offset: number }

export const kaspiApi = {
  overview: (todayFrom: string) => get<KaspiOverview>("/admin/kaspi/overview", { today_from: todayFrom }),
  /** Orders by their next deadline, the first due first (GET /admin/kaspi/deadlines). */
  deadlines: (limit: number) => get<KaspiDeadlines>("/admin/kaspi/deadlines", { limit }),
  accounts: () => get<{ accounts: KaspiAccount[] }>("/admin/kaspi/accounts"),
  orderOptions: (accountId: string) => get<{ order_options: KaspiOrderOptions }>(`/admin/kaspi/accounts/${enc(accountId)}/order-options`),
  /** null sends a value back to medusa-config's. */
  setOrderOptions: (accountId: string, patch: AdminUpdateKaspiOrderOptionsRequest) =>
    post<{ order_options: KaspiOrderOptions }>(`/admin/kaspi/accounts/${enc(accountId)}/order-options`, patch),
  /** Write-only: the token goes in, only the account's description comes back. */
  storeToken: (accountId: string, token: string) =>
    post<StoreTokenResponse>(`/admin/kaspi/accounts/${enc(accountId)}/token`, { token }),
  clearToken: (accountId: string) => del<AdminClearKaspiTokenResponse>(`/admin/kaspi/accounts/${enc(accountId)}/token`),
  testConnection: (accountId: string) => post<{ connection: ConnectionResult }>(`/admin/kaspi/accounts/${enc(accountId)}/test-connection`),
  /** The last stored compatibility check, or null; running one takes a few seconds (read-only requests to Kaspi). */
  kaspiCheck: (accountId: string) => get<{ check: KaspiCheck | null }>(`/admin/kaspi/accounts/${enc(accountId)}/check`),
  runKaspiCheck: (accountId: string) => post<{ check: KaspiCheck }>(`/admin/kaspi/accounts/${enc(accountId)}/check`),

  orders: (q: OrdersQuery) =>
    get<KaspiOrdersResponse>("/admin/kaspi/orders", Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""))),
  order: (ref: string) => get<KaspiOrderResponse>(`/admin/kaspi/orders/${enc(ref)}`),
  orderActions: (ref: string) => get<{ actions: KaspiActionRow[] }>(`/admin/kaspi/orders/${enc(ref)}/actions`),
  /** `idempotencyKey` names one click: the same key is the same action on the server (one Kaspi call). */
  sendAction: async (ref: string, body: KaspiActionBody, idempotencyKey?: string) => {
    try {
      return await postKeepingError<{ action: KaspiActionRow }>(
        `/admin/kaspi/orders/${enc(ref)}/actions`,
        body,
        idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined
      )
    } catch (e) {
      // 422 = Kaspi refused; the SDK keeps only the status text, so look up Kaspi's words.
      if (errorStatus(e) !== 422) throw e
      throw new KaspiRefusedError(await kaspiRefusal(ref, body.action).catch(() => errorMessage(e)))
    }
  },
  actions: (q: ActionsQuery) => get<KaspiActionsResponse>("/admin/kaspi/actions", q),
  events: (q: EventsQuery) =>
    get<KaspiEventsResponse>("/admin/kaspi/events", Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== ""))),
  /**
   * "Send again": the same failed outbox row, a new attempt (POST /admin/kaspi/actions/:id/retry).
   * 422 = Kaspi refused again: thrown as KaspiRefusedError with Kaspi's words, like an action's.
   */
  sendActionAgain: async (row: Pick<KaspiActionRow, "id" | "kaspi_order_id" | "action">) => {
    try {
      return await postKeepingError<{ action: KaspiActionRow }>(`/admin/kaspi/actions/${enc(row.id)}/retry`, {})
    } catch (e) {
      if (errorStatus(e) !== 422) throw e
      const lastError = e instanceof KaspiApiAnswerError ? (e.body.action as KaspiActionRow | undefined)?.last_error : undefined
      throw new KaspiRefusedError(await kaspiRefusal(row.kaspi_order_id, row.action).catch(() => lastError ?? errorMessage(e)))
    }
  },
  /** A person settled a disagreement: Kaspi is read again, the flag cleared, the note kept in the history. */
  resolveDisagreement: (ref: string, body: ResolveDisagreementBody) =>
    post<ResolveDisagreementResponse>(`/admin/kaspi/orders/${enc(ref)}/resolve`, body),
  retry: (id: string) => post<{ kaspi_order: { import_status: string; import_reason: string | null } }>(`/admin/kaspi/orders/${enc(id)}/retry`),
  syncNow: () => post<{ mode: "poll"; ran?: boolean }>("/admin/kaspi/orders/sync", {}),
  /** Starts a backfill in the background (409 while one runs for the account); the job walks it. */
  startBackfill: (body: AdminStartKaspiBackfillRequest) => post<Jsonified<AdminKaspiBackfillResponse>>("/admin/kaspi/backfills", body),
  /** Latest first; the page shows the latest one. */
  backfills: (limit = 1) => get<Jsonified<AdminKaspiBackfillsResponse>>("/admin/kaspi/backfills", { limit }),
  cancelBackfill: (id: string) => post<Jsonified<AdminKaspiBackfillResponse>>(`/admin/kaspi/backfills/${enc(id)}/cancel`),
  /** One PDF: the waybills laid out for the printer, then the hand-over sheet for the courier. */
  printHandover: (body: AdminPrintKaspiHandoverRequest) => post<Jsonified<AdminKaspiHandoverResponse>>("/admin/kaspi/handover", body),

  createSkuMapping: (kaspiSku: string, variantId: string, accountId?: string) =>
    post<Jsonified<AdminKaspiSkuMappingCreateResponse>>("/admin/kaspi/sku-mappings", {
      kaspi_sku: kaspiSku,
      variant_id: variantId,
      ...(accountId ? { account_id: accountId } : {}),
    }),

  storeMappings: () => get<{ store_mappings: StoreMapping[] }>("/admin/kaspi/store-mappings", { limit: 500 }),
  createStoreMapping: (body: AdminCreateStoreMappingRequest) => post<{ store_mapping: StoreMapping }>("/admin/kaspi/store-mappings", body),
  updateStoreMapping: (id: string, body: AdminUpdateStoreMappingRequest) =>
    post<{ store_mapping: StoreMapping }>(`/admin/kaspi/store-mappings/${enc(id)}`, body),
  deleteStoreMapping: (id: string) => del<AdminKaspiMappingDeleteResponse>(`/admin/kaspi/store-mappings/${enc(id)}`),

  feed: (accountId: string) => get<{ feed: FeedStatus }>(`/admin/kaspi/feed/${enc(accountId)}`),
  updateFeedConfig: (accountId: string, patch: AdminUpdateKaspiFeedConfigRequest) =>
    post<{ config: FeedConfig }>(`/admin/kaspi/feed/${enc(accountId)}/config`, patch),
  rebuildFeed: (accountId: string, force = false) => post<{ build: FeedBuild }>(`/admin/kaspi/feed/${enc(accountId)}/rebuild`, { force }),
  rotateFeedSecret: (accountId: string) => post<{ config: FeedConfig }>(`/admin/kaspi/feed/${enc(accountId)}/rotate-secret`),
  feedPreview: (accountId: string, limit = 20) =>
    get<{ offers: FeedPreviewEntry[]; count: number }>(`/admin/kaspi/feed/${enc(accountId)}/preview`, { limit }),
  feedReport: (accountId: string) => get<FeedReport>(`/admin/kaspi/feed/${enc(accountId)}/report`, { limit: 50 }),
  feedDiff: (accountId: string) => get<FeedDiffResponse>(`/admin/kaspi/feed/${enc(accountId)}/diff`),
}

/** Medusa's own admin API, for pickers (stock locations, variants). */
export const medusaApi = {
  stockLocations: () =>
    get<{ stock_locations: { id: string; name: string }[] }>("/admin/stock-locations", { limit: 200, fields: "id,name" }),
  /** The products the bulk card form offers, with their SKUs. */
  products: (q: string) =>
    get<{ products: { id: string; title: string; variants?: { sku: string | null }[] | null }[] }>("/admin/products", {
      q: q || undefined,
      limit: 50,
      fields: "id,title,variants.sku",
    }),
  variants: (q: string) =>
    get<{ variants: { id: string; title: string | null; sku: string | null; product?: { title: string } | null }[] }>(
      "/admin/product-variants",
      { q: q || undefined, limit: 20, fields: "id,title,sku,product.title" }
    ),
}

/**
 * Kaspi's own words for the latest refusal of this action: the order's event
 * ("Kaspi refused complete: <Kaspi's text>"), else the outbox row's full error.
 */
async function kaspiRefusal(ref: string, action: string): Promise<string> {
  const { events } = await kaspiApi.order(ref)
  const event = events.find((ev) => ev.type === `action.${action}` && ev.result === "error")
  // Kaspi's words as Kaspi wrote them (kept in the event's params); older events only in the sentence.
  const kaspiSaid = (event?.data as { params?: { kaspi_said?: unknown } } | null)?.params?.kaspi_said
  if (typeof kaspiSaid === "string" && kaspiSaid) return kaspiSaid
  if (event?.message) return event.message.replace(/^Kaspi refused \w+: /, "")
  const { actions } = await kaspiApi.orderActions(ref)
  return actions.find((a) => a.action === action)?.last_error ?? "Kaspi refused the action"
}

/** Kaspi answered and said no (wrong code, order already changed …): the message is Kaspi's. */
export class KaspiRefusedError extends Error {
  readonly refused = true
}

export function errorStatus(e: unknown): number | undefined {
  return e && typeof e === "object" && "status" in e ? Number((e as { status: unknown }).status) : undefined
}

/** The message of a failed call: Medusa answers `{ message }`, the SDK throws a FetchError carrying it. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    return (e as { message: string }).message
  }
  return String(e)
}
