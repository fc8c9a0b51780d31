import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_IMPORT_STATUSES, type KaspiImportStatus } from "./models/kaspi-order"

/**
 * Who moves a kaspi_order's import_status (models/kaspi-order.ts):
 * - `claim`: an import attempt takes the order (the import workflow's claim step). The sync
 *   starts one for a new order, for a needs_attention/failed order that Kaspi changed, and
 *   after a person or a SKU mapping put the order back in the queue.
 * - `finish`: the attempt records its outcome (the finish step), or, after a failed attempt
 *   was undone, why it failed (importKaspiOrderSafely).
 * - `undo_claim`: the claim step's compensation gives the order back as the claim found it.
 * - `undo_finish`: the finish step's compensation: the import is undone, the order unlinked
 *   and back in the queue.
 * - `admin_retry`: a person asks for another attempt (POST /admin/kaspi/orders/:id/retry).
 * - `sku_mapped`: the missing SKU was mapped; orders waiting for it go back in the queue.
 * - `unreadable`: Kaspi's latest answer about the order cannot be read (recordInvalidKaspiOrder).
 */
export type KaspiImportActor = "claim" | "finish" | "undo_claim" | "undo_finish" | "admin_retry" | "sku_mapped" | "unreadable"

/** What the transition depends on besides the status. */
export interface KaspiImportState {
  status: KaspiImportStatus
  /** A Medusa order was made from it (order_id set). */
  linked: boolean
  /** An import attempt holds it: importing with a lease that has not run out. */
  leaseLive: boolean
}

export type KaspiImportVerdict = { allowed: true } | { allowed: false; why: string }

interface Rule {
  by: KaspiImportActor
  to: readonly KaspiImportStatus[]
  from: readonly KaspiImportStatus[]
  /** May move an order that has a Medusa order (only by undoing the import, which unlinks it). */
  unlinks?: true
  /** Refused while another attempt holds the order (importing, lease not run out). */
  waitsForLease?: true
}

const RULES: readonly Rule[] = [
  // A lease-expired "importing" is an attempt that died: another may take the order.
  { by: "claim", to: ["importing"], from: ["pending", "needs_attention", "failed", "importing"], waitsForLease: true },
  { by: "finish", to: ["imported", "ignored"], from: ["importing"] },
  // An attempt that threw was undone first (back to where the claim found it), then records why.
  { by: "finish", to: ["needs_attention", "failed"], from: ["importing", "pending", "needs_attention", "failed"] },
  // "pending": the finish step was undone just before.
  { by: "undo_claim", to: ["pending", "needs_attention", "failed", "importing"], from: ["importing", "pending"] },
  // Re-running a compensation finds the order already pending.
  { by: "undo_finish", to: ["pending"], from: ["imported", "needs_attention", "failed", "ignored", "pending"], unlinks: true },
  { by: "admin_retry", to: ["pending"], from: ["pending", "needs_attention", "failed", "ignored", "importing"], waitsForLease: true },
  // "pending": another mapping of the same order's SKUs released it already.
  { by: "sku_mapped", to: ["pending"], from: ["needs_attention", "pending"] },
  // An order made in Medusa keeps its status; the ledger flags the problem in sync_problem instead.
  { by: "unreadable", to: ["failed"], from: KASPI_IMPORT_STATUSES, waitsForLease: true },
]

/**
 * Whether `by` may move an order from `from` to `to`, and if not, why (in words
 * for an error). The one place the import_status rules live: the order ledger
 * checks every write against it. imported and ignored are final for the import;
 * only undoing the import (and, for ignored, a person) reopens them.
 */
export function importStatusTransition(from: KaspiImportState, to: KaspiImportStatus, by: KaspiImportActor): KaspiImportVerdict {
  const rules = RULES.filter((r) => r.by === by && r.to.includes(to))
  if (!rules.length) return { allowed: false, why: `${by} never sets import_status "${to}"` }
  if (from.linked && !rules.some((r) => r.unlinks)) {
    return { allowed: false, why: `the order is already imported into Medusa; ${by} cannot move it` }
  }
  const rule = rules.find((r) => r.from.includes(from.status))
  if (!rule) return { allowed: false, why: `${by} cannot move an order from "${from.status}" to "${to}"` }
  if (rule.waitsForLease && from.status === "importing" && from.leaseLive) {
    return { allowed: false, why: `another import attempt holds the order (its lease has not run out)` }
  }
  return { allowed: true }
}

/** Thrown instead of writing an import_status move the rules do not allow (a route answers 400). */
export class KaspiImportTransitionError extends MedusaError {
  constructor(
    readonly kaspiOrderId: string,
    why: string
  ) {
    super(MedusaError.Types.NOT_ALLOWED, `Kaspi order ${kaspiOrderId}: ${why}`)
    this.name = "KaspiImportTransitionError"
  }
}
