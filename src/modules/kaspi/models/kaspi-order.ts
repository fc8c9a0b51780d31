import { model } from "@medusajs/framework/utils"
import { KaspiEvent } from "./kaspi-event"
import { shopModel } from "./shop-model"

/**
 * pending → importing → imported; or needs_attention (fixable: unmapped SKU,
 * missing stock), failed (broken data or an error), ignored (nothing to import,
 * e.g. already cancelled when first seen). `importing` is a lease, not a state
 * an order stays in.
 */
export const KASPI_IMPORT_STATUSES = ["pending", "importing", "imported", "needs_attention", "failed", "ignored"] as const
export type KaspiImportStatus = (typeof KASPI_IMPORT_STATUSES)[number]

/**
 * A Kaspi order as the plugin knows it. The unique (account_id, kaspi_id) index
 * is the exactly-once guarantee: the import writes this row first, so a second
 * import of the same Kaspi order fails before any Medusa order exists.
 */
export const KaspiOrder = shopModel("kaspi_order", "kord", {
  kaspi_id: model.text(),
  code: model.text().searchable(),
  state: model.text(),
  status: model.text(),
  delivery_mode: model.text().nullable(),
  is_kaspi_delivery: model.boolean().default(false),
  pre_order: model.boolean().default(false),
  signature_required: model.boolean().default(false),
  assembled: model.boolean().default(false),
  pickup_point_id: model.text().nullable(),
  total_price: model.bigNumber(),
  delivery_cost: model.bigNumber().nullable(),
  customer_phone: model.text().nullable(),
  cancellation_reason: model.text().nullable(),
  waybill_url: model.text().nullable(),
  kaspi_created_at: model.dateTime(),
  kaspi_approved_at: model.dateTime().nullable(),
  planned_delivery_at: model.dateTime().nullable(),
  /** kaspiDelivery.courierTransmissionPlanningDate / courierTransmissionDate: the hand-over deadline, and whether it was met. */
  courier_planned_at: model.dateTime().nullable(),
  courier_handed_at: model.dateTime().nullable(),
  import_status: model.enum([...KASPI_IMPORT_STATUSES]).default("pending"),
  import_reason: model.text().nullable(),
  attempts: model.number().default(0),
  last_attempt_at: model.dateTime().nullable(),
  /** While importing: until when this import holds the order (a crashed import's lease expires). */
  import_lease_until: model.dateTime().nullable(),
  /** The Medusa order made from it (also linked through the module link). */
  order_id: model.text().nullable(),
  unmapped_skus: model.json().nullable(),
  /**
   * Set when Kaspi's latest answer about an already-recorded order could not be
   * read (`{ kind: "unreadable", reason, at }`): the order no longer follows Kaspi
   * until it can, and the admin must say so. Cleared by the next readable answer.
   */
  sync_problem: model.json().nullable(),
  /**
   * Set when Medusa and Kaspi no longer say the same about this order and a
   * person must decide (`{ kind, action?, reason, kaspi_said?, at }`): Kaspi
   * refused a change Medusa had already made, or Medusa could not follow what
   * Kaspi did. Kaspi is the authority for what happens on Kaspi; this is how
   * the disagreement is shown instead of left silent. Cleared when resolved.
   */
  disagreement: model.json().nullable(),
  raw: model.json(),
  events: model.hasMany(() => KaspiEvent, { mappedBy: "kaspi_order" }),
}).indexes([
  { on: ["account_id", "kaspi_id"], unique: true },
  { on: ["account_id", "code"], unique: true },
  // The list's search for a whole pasted code, across every shop (api/admin/kaspi/orders): the unique index
  // above needs the account; a "contains" through the trigram index grows with the table (docs/scaling.md).
  { on: ["code"] },
  // A year of history is ~100k rows, almost all imported and archived (docs/scaling.md): every
  // list, count and tick below reads through one of these instead of scanning the table.
  // The admin list: one status group at a time, newest first (api/admin/kaspi/orders).
  { on: ["import_status", "kaspi_created_at"] },
  { on: ["import_status", "status", "kaspi_created_at"] },
  { on: ["import_status", "state", "kaspi_created_at"] },
  { on: ["import_status", "kaspi_created_at"], where: "sync_problem is not null", name: "IDX_kaspi_order_sync_problem" },
  { on: ["import_status", "kaspi_created_at"], where: "disagreement is not null", name: "IDX_kaspi_order_disagrees" },
  // The overview's 30-day counts and today's imports; the poll's open-order reads.
  { on: ["account_id", "kaspi_created_at"] },
  { on: ["account_id", "status", "kaspi_created_at"] },
  { on: ["account_id", "state", "kaspi_created_at"] },
  { on: ["import_status", "last_attempt_at"] },
  // Imported orders still open on Kaspi, least recently refreshed first (lib/sync's refresh of old open orders).
  {
    on: ["account_id", "updated_at"],
    where: "import_status = 'imported' and status not in ('COMPLETED', 'CANCELLED', 'RETURNED')",
    name: "IDX_kaspi_order_open_imported",
  },
  // The order widget asks by the Medusa order id.
  { on: ["order_id"] },
  { on: ["account_id"], where: "disagreement is not null", name: "IDX_kaspi_order_disagreement" },
]).cascades({ delete: ["events"] })
