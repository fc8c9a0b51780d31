import { z } from "@medusajs/framework/zod"
import { KASPI_ORDER_STATES } from "../../../modules/kaspi/client/schemas"
import { KASPI_IMPORT_STATUSES } from "../../../modules/kaspi/models/kaspi-order"
import { KASPI_ACTION_STATUSES } from "../../../modules/kaspi/models/kaspi-action"
import { HANDOVER_LAYOUTS } from "../../../lib/handover/layouts"
import { HANDOVER_LANGUAGES } from "../../../lib/handover/sheet-texts"

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item))

const dateLike = z.union([z.coerce.date(), z.number().int().transform((n) => new Date(n))])

export const AdminListKaspiOrders = z.object({
  account_id: z.string().optional(),
  import_status: csv(z.enum(KASPI_IMPORT_STATUSES)).optional(),
  status: csv(z.string().min(1)).optional(),
  state: csv(z.enum(KASPI_ORDER_STATES)).optional(),
  sync_problem: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  /** Orders where Medusa and Kaspi disagree (kaspi_order.disagreement). */
  disagrees: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  q: z.string().min(1).optional(),
  created_from: z.coerce.date().optional(),
  created_to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListKaspiOrdersType = z.infer<typeof AdminListKaspiOrders>

/** GET /admin/kaspi/actions: the outbox across orders, failed rows by default. */
export const AdminListKaspiActions = z.object({
  account_id: z.string().optional(),
  status: csv(z.enum(KASPI_ACTION_STATUSES)).default(["failed"]),
  action: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListKaspiActionsType = z.infer<typeof AdminListKaspiActions>

/** POST /admin/kaspi/orders/:id/resolve: a person says the disagreement is settled (a note for the history). */
export const AdminResolveKaspiDisagreement = z.object({ note: z.string().trim().max(1000).optional() }).strict()
export type AdminResolveKaspiDisagreementType = z.infer<typeof AdminResolveKaspiDisagreement>

/** POST /admin/kaspi/orders/:id/reconcile: no body. */
export const AdminReconcileKaspiOrder = z.object({}).strict()
/** POST /admin/kaspi/orders/reconcile: open orders compared now (limit per account). */
export const AdminReconcileKaspiOrders = z
  .object({ account_id: z.string().optional(), limit: z.number().int().min(1).max(200).optional() })
  .strict()
export type AdminReconcileKaspiOrdersType = z.infer<typeof AdminReconcileKaspiOrders>

/** POST /admin/kaspi/actions/:id/retry: no body. */
export const AdminRetryKaspiAction = z.object({}).strict()

export const AdminSyncKaspiOrders = z
  .object({
    account_id: z.string().optional(),
    /** Without a range: a normal poll, now. With one: a backfill of orders created in it. */
    from: dateLike.optional(),
    to: dateLike.optional(),
    states: z.array(z.enum(KASPI_ORDER_STATES)).min(1).optional(),
  })
  .strict()
  .refine((b) => !b.to || b.from, { message: "`from` is required with `to`", path: ["from"] })
  .refine((b) => !b.from || !b.to || b.from.getTime() <= b.to.getTime(), { message: "`from` must be before `to`", path: ["to"] })
  .refine((b) => !b.from || (b.to ?? new Date()).getTime() - b.from.getTime() <= 366 * 24 * 3600 * 1000, {
    message: "a backfill covers at most one year",
    path: ["from"],
  })
export type AdminSyncKaspiOrdersType = z.infer<typeof AdminSyncKaspiOrders>

/** POST /admin/kaspi/backfills: a backfill in the background (the same range rules as the sync route's). */
export const AdminStartKaspiBackfill = z
  .object({
    account_id: z.string().optional(),
    from: dateLike,
    to: dateLike.optional(),
    states: z.array(z.enum(KASPI_ORDER_STATES)).min(1).optional(),
  })
  .strict()
  .refine((b) => b.from.getTime() <= (b.to ?? new Date()).getTime(), { message: "`from` must be before `to`", path: ["to"] })
  .refine((b) => (b.to ?? new Date()).getTime() - b.from.getTime() <= 366 * 24 * 3600 * 1000, {
    message: "a backfill covers at most one year",
    path: ["from"],
  })
export type AdminStartKaspiBackfillType = z.infer<typeof AdminStartKaspiBackfill>

export const AdminListKaspiBackfills = z.object({
  account_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type AdminListKaspiBackfillsType = z.infer<typeof AdminListKaspiBackfills>

export const AdminCreateSkuMapping = z
  .object({
    account_id: z.string().min(1).optional(),
    kaspi_sku: z.string().trim().min(1).max(128),
    variant_id: z.string().min(1),
    /** Re-import this account's orders waiting on this SKU right away. */
    retry: z.boolean().default(true),
  })
  .strict()
export type AdminCreateSkuMappingType = z.infer<typeof AdminCreateSkuMapping>

export const AdminUpdateSkuMapping = z.object({ variant_id: z.string().min(1) }).strict()

export const AdminListMappings = z.object({
  account_id: z.string().optional(),
  q: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListMappingsType = z.infer<typeof AdminListMappings>

export const AdminCreateStoreMapping = z
  .object({
    account_id: z.string().min(1).optional(),
    store_id: z.string().trim().min(1).max(64),
    stock_location_id: z.string().min(1),
    stock_buffer: z.number().int().min(0).max(1_000_000).default(0),
    pre_order_days: z.number().int().min(0).max(30).nullable().optional(),
  })
  .strict()
export type AdminCreateStoreMappingType = z.infer<typeof AdminCreateStoreMapping>

export const AdminUpdateStoreMapping = z
  .object({
    stock_location_id: z.string().min(1).optional(),
    stock_buffer: z.number().int().min(0).max(1_000_000).optional(),
    pre_order_days: z.number().int().min(0).max(30).nullable().optional(),
  })
  .strict()

export const AdminListKaspiEvents = z.object({
  account_id: z.string().optional(),
  kaspi_order_id: z.string().optional(),
  kaspi_code: z.string().optional(),
  type: z.string().optional(),
  result: z.enum(["ok", "error", "info"]).optional(),
  created_from: z.coerce.date().optional(),
  created_to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListKaspiEventsType = z.infer<typeof AdminListKaspiEvents>

const reason = z.enum(["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"])

/** One merchant action for Kaspi; the admin widget posts these. */
export const AdminKaspiAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept") }).strict(),
  z.object({ action: z.literal("cancel"), reason, comment: z.string().max(1000).optional() }).strict(),
  z.object({ action: z.literal("send_code") }).strict(),
  z.object({ action: z.literal("complete"), security_code: z.string().trim().regex(/^\d{4,8}$/, "the buyer's code is 4–8 digits") }).strict(),
  z.object({ action: z.literal("assemble"), number_of_space: z.number().int().min(1).max(100).default(1) }).strict(),
  z.object({ action: z.literal("arrived") }).strict(),
  z.object({ action: z.literal("arrived_backward") }).strict(),
  z
    .object({
      action: z.literal("cancel_entry"),
      entry_id: z.string().min(1),
      remained_quantity: z.number().int().min(0),
      reason,
      notes: z.string().max(1000).optional(),
    })
    .strict(),
])
export type AdminKaspiActionType = z.infer<typeof AdminKaspiAction>

/** A Kaspi token entered in Settings: write-only (never returned, never logged). */
export const AdminStoreKaspiToken = z
  .object({
    // Checked before anything is sent to Kaspi: Kaspi's tokens are one word of printable characters
    // (base64-like, ~44); 8–512 leaves room for other issuers and refuses pasted text or a page of junk.
    token: z
      .string()
      .trim()
      .min(1, "enter the token from the Kaspi cabinet")
      .min(8, "a Kaspi API token is at least 8 characters")
      .max(512, "a Kaspi API token is at most 512 characters")
      .regex(/^\S+$/, "a Kaspi API token has no spaces or line breaks"),
    /** Check the token against Kaspi first and refuse one Kaspi rejects (401/403). */
    verify: z.boolean().default(true),
  })
  .strict()
export type AdminStoreKaspiTokenType = z.infer<typeof AdminStoreKaspiToken>

/** Order options the store owner overrides in Settings → Kaspi; null goes back to medusa-config's value. */
export const AdminUpdateKaspiOrderOptions = z
  .object({
    polling: z.boolean().nullable().optional(),
    poll_interval_seconds: z.number().int().min(10).max(3600).nullable().optional(),
    auto_accept: z.boolean().nullable().optional(),
  })
  .strict()
export type AdminUpdateKaspiOrderOptionsType = z.infer<typeof AdminUpdateKaspiOrderOptions>

/** The Kaspi compatibility check; both limits are optional (defaults: 10 s per request, 5 s median). */
export const AdminRunKaspiCheck = z
  .object({
    timeout_ms: z.number().int().min(500).max(60_000).optional(),
    latency_limit_ms: z.number().int().min(10).max(60_000).optional(),
  })
  .strict()
export type AdminRunKaspiCheckType = z.infer<typeof AdminRunKaspiCheck>

/**
 * POST /admin/kaspi/handover: the day's Kaspi Delivery parcels in one print.
 * Either orders ticked in the list or an Almaty day (default: today), never both.
 */
export const AdminPrintKaspiHandover = z
  .object({
    account_id: z.string().optional(),
    kaspi_order_ids: z.array(z.string().min(1)).min(1).max(500).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD").optional(),
    layout: z.enum(HANDOVER_LAYOUTS),
    language: z.enum(HANDOVER_LANGUAGES).default("ru"),
  })
  .strict()
  .refine((b) => !(b.kaspi_order_ids && b.date), { message: "either `kaspi_order_ids` or `date`, not both", path: ["date"] })
export type AdminPrintKaspiHandoverType = z.infer<typeof AdminPrintKaspiHandover>
