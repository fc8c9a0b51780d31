import type { KaspiRefusalCode, KaspiText, KaspiTextParams } from "./kaspi-texts"
import type { z } from "@medusajs/framework/zod"
import type { InferTypeOf } from "@medusajs/framework/types"
import type {
  AdminKaspiAction,
  AdminListKaspiActions,
  AdminListKaspiEvents,
  AdminListKaspiOrders,
  AdminResolveKaspiDisagreement,
  AdminSyncKaspiOrders,
} from "../api/admin/kaspi/validators"
import type { KASPI_ORDER_LIST_FIELDS } from "../api/admin/kaspi/orders/list-fields"
import type { KaspiAction, KaspiEvent, KaspiOrder } from "../modules/kaspi/models"
import type { KaspiImportStatus } from "../modules/kaspi/models/kaspi-order"
import type { KaspiCancellationReason, KaspiOrderAttributes } from "../modules/kaspi/client/schemas"
import type { OfferedAction } from "../lib/actions/allowed-actions"
import type { SendCodeOutcome } from "../lib/actions/send-code-outcome"
import type { KaspiDisagreement } from "../lib/actions/disagreement"
import type { KaspiDeadline } from "../modules/kaspi/deadline"
import type { KaspiReconciliation } from "../lib/agreement/compare-kaspi-and-medusa"

// ── requests (what the admin sends: the validators' input) ─────────────────────

/**
 * GET /admin/kaspi/orders query as a URL carries it: the validator's keys, lists
 * comma-separated, dates ISO strings (the validator parses them).
 */
export type AdminKaspiOrdersQuery = {
  [K in keyof z.infer<typeof AdminListKaspiOrders>]?: string | number
}
/** POST /admin/kaspi/orders/:id/actions */
export type AdminKaspiActionRequest = z.input<typeof AdminKaspiAction>
/** GET /admin/kaspi/actions query as a URL carries it. */
export type AdminKaspiActionsQuery = {
  [K in keyof z.infer<typeof AdminListKaspiActions>]?: string | number
}
/** GET /admin/kaspi/events query as a URL carries it. */
export type AdminKaspiEventsQuery = {
  [K in keyof z.infer<typeof AdminListKaspiEvents>]?: string | number
}
/** POST /admin/kaspi/orders/:id/resolve */
export type AdminResolveKaspiDisagreementRequest = z.input<typeof AdminResolveKaspiDisagreement>
/** POST /admin/kaspi/orders/sync: `{}` polls now, `{ from, to? }` backfills. */
export type AdminSyncKaspiOrdersRequest = z.input<typeof AdminSyncKaspiOrders>

// ── records ─────────────────────────────────────────────────────────────────────

export type { KaspiImportStatus, OfferedAction, SendCodeOutcome, KaspiDisagreement }
export type KaspiCancelReason = KaspiCancellationReason

/** The stored kaspi_order row, as the module's generated methods return it. */
export type KaspiOrderRecord = InferTypeOf<typeof KaspiOrder>

/**
 * Set when Kaspi's latest answer about a recorded order could not be read: the
 * order no longer follows Kaspi until it can (kaspi_order.sync_problem).
 */
export interface KaspiSyncProblem {
  kind: "unreadable"
  reason: string
  at: string
}

/** One row of the Kaspi orders list (KASPI_ORDER_LIST_FIELDS). */
export type AdminKaspiOrderListItem = Omit<
  Pick<KaspiOrderRecord, (typeof KASPI_ORDER_LIST_FIELDS)[number]>,
  "sync_problem" | "unmapped_skus" | "disagreement"
> & {
  sync_problem: KaspiSyncProblem | null
  /** Medusa and Kaspi no longer say the same and a person must decide (kaspi_order.disagreement). */
  disagreement: KaspiDisagreement | null
  unmapped_skus: string[] | null
  /** The import reason as a code and parameters (from the import event), for the admin's language; null on older rows. */
  import_text?: KaspiText | null
  /** The next deadline the merchant has to beat (acceptance, courier hand-over), or null; warned `warn_minutes` before. */
  deadline: (KaspiDeadline & { warn_minutes: number }) | null
}

/** What the admin reads of the Kaspi order JSON kept in kaspi_order.raw (its resource as Kaspi sent it). */
export interface KaspiOrderRaw {
  /** The order resource as Kaspi sent it. */
  order?: {
    attributes?: Partial<Pick<KaspiOrderAttributes, "kaspiDelivery" | "reservationDate">> & {
      /** Set by Kaspi once a pre-order was marked arrived (API.md a.11). */
      arrived?: boolean
    }
  }
  /** Its lines as Kaspi sent them (kept from the last read that included them). */
  entries?: KaspiEntryRaw[]
}

/** One line of a Kaspi order, as a partial cancel names it (GET /admin/kaspi/orders/:id `lines`). */
export interface KaspiOrderLine {
  entry_id: string
  sku: string | null
  name: string | null
  quantity: number
}

/** What the admin reads of one line Kaspi sent (API.md a.3): its id for a partial cancel, what and how many. */
export interface KaspiEntryRaw {
  id?: string
  attributes?: {
    quantity?: number
    basePrice?: number
    offer?: { code?: string; name?: string | null }
  }
}

/** GET /admin/kaspi/orders/:id: the row with Kaspi's JSON and the buyer's phone. */
export type AdminKaspiOrderDetail = AdminKaspiOrderListItem & {
  raw: KaspiOrderRaw | null
  customer_phone: string | null
}

/** An entry of the Kaspi event log. */
export type KaspiEventRecord = Omit<InferTypeOf<typeof KaspiEvent>, "kaspi_order">

/** An outbox row; for send_code, Kaspi's answer is `{ send_code: SendCodeOutcome }`. */
export type KaspiActionRecord = Omit<InferTypeOf<typeof KaspiAction>, "result"> & {
  result: { send_code?: SendCodeOutcome | null; [key: string]: unknown } | null
}

// ── responses ───────────────────────────────────────────────────────────────────

/** GET /admin/kaspi/orders */
export interface AdminKaspiOrdersListResponse {
  kaspi_orders: AdminKaspiOrderListItem[]
  /** Each import status is counted up to 1,000 (LIST_COUNT_CAP; count_capped says when one had more). */
  count: number
  count_capped: boolean
  offset: number
  limit: number
  /** Orders per import status under the filters (needs attention first), each up to 1,000. */
  counts: Partial<Record<KaspiImportStatus, number>>
}

/** GET /admin/kaspi/orders/:id */
export interface AdminKaspiOrderResponse {
  kaspi_order: AdminKaspiOrderDetail
  events: KaspiEventRecord[]
  /** What the admin may offer as buttons: the same rules as the action route. */
  allowed_actions: OfferedAction[]
  cancel_reasons: KaspiCancelReason[]
  /** Its lines with their Kaspi entry ids (for a partial cancel): Kaspi's entries, else the Medusa order's items. */
  lines: KaspiOrderLine[]
}

/** GET /admin/kaspi/orders/:id/actions */
export interface AdminKaspiOrderActionsResponse {
  kaspi_order_id: string
  actions: KaspiActionRecord[]
}

/** POST /admin/kaspi/orders/:id/actions */
export interface AdminKaspiActionResponse {
  action: KaspiActionRecord
}

/** GET /admin/kaspi/actions: outbox rows across orders (the failed ones, by default). */
export interface AdminKaspiActionsListResponse {
  actions: KaspiActionRecord[]
  count: number
  offset: number
  limit: number
}

/** POST /admin/kaspi/orders/:id/resolve: the order after Kaspi was read again and the disagreement cleared. */
export interface AdminResolveKaspiDisagreementResponse {
  kaspi_order: AdminKaspiOrderListItem
}

/** POST /admin/kaspi/orders/:id/reconcile: what differed, what was repaired from Kaspi's side, and the order after. */
export interface AdminReconcileKaspiOrderResponse {
  reconciliation: KaspiReconciliation
  kaspi_order: AdminKaspiOrderListItem
}

/** POST /admin/kaspi/orders/reconcile: open orders reconciled now (409 while a run holds the lock). */
export interface AdminReconcileKaspiOrdersResponse {
  checked: number
  repaired: number
  disagree: number
  failed: number
}

/** The 400 of POST /admin/kaspi/orders/:id/actions when Kaspi's rules forbid the action: English `message`, plus its code for the admin. */
export interface AdminKaspiActionRefusal {
  type: "not_allowed"
  message: string
  code: KaspiRefusalCode
  params: KaspiTextParams
}

/** GET /admin/kaspi/events */
export interface AdminKaspiEventsResponse {
  events: KaspiEventRecord[]
  /** Counted up to 1,000 (LIST_COUNT_CAP; count_capped says when there are more). */
  count: number
  count_capped: boolean
  offset: number
  limit: number
}
