import type { KaspiText } from "../../types/kaspi-texts"
import { describeLineChanges, planKaspiLines, totalsAgree } from "../orders/kaspi-lines-plan"
import { kaspiStatusToMedusaAction } from "../orders/kaspi-status-action"

/**
 * Kaspi's order and the Medusa order made from it, compared field by field.
 * Pure: the caller reads both sides (lib/agreement/read-*) and carries out
 * the repairs. Kaspi is the authority for what happened on Kaspi (a cancel, a
 * completion, a line cut), so only what Kaspi did and Medusa missed is
 * repaired; Medusa being ahead of Kaspi, or Medusa's own bookkeeping
 * (reservations, money) being off, is for a person.
 */

/** Kaspi's order as Kaspi says it now. */
export interface KaspiSideOfOrder {
  status: string
  cancellation_reason?: string | null
  /** Kaspi's totalPrice, delivery included (API.md a.1) */
  total: number
  /** every entry, quantity 0 ones included (API.md a.12: a line cancelled to nothing may stay at 0) */
  entries: Array<{ id: string; quantity: number }>
}

/** One Medusa line item, with its stock reservations. */
export interface MedusaSideLine {
  id: string
  title: string
  quantity: number
  /** the Kaspi entry the line was made from (metadata.kaspi_entry_id); null for a line added in Medusa */
  kaspi_entry_id: string | null
  /**
   * Per inventory item of the variant: how many one unit needs and how many
   * are reserved for this line. Empty when Medusa does not manage the
   * variant's inventory (nothing was reserved at import).
   */
  inventory: Array<{ inventory_item_id: string; required_quantity: number; reserved: number }>
}

/** The Medusa order as read. */
export interface MedusaSideOfOrder {
  status: string
  total: number
  items: MedusaSideLine[]
  /** fulfilments not cancelled */
  fulfillments: Array<{ shipped: boolean; delivered: boolean }>
  /** the return the plugin opened for this Kaspi order (not cancelled), if any */
  kaspi_return: { received: boolean } | null
  /** summed over the order's payments */
  payment: { captured: number; refunded: number }
  /** outbox actions still on their way to Kaspi (pending or sending): Medusa waits for Kaspi, that is no disagreement */
  pending_actions: string[]
}

export type DifferenceField = "status" | "lines" | "total" | "reservations" | "payment" | "refunds"
export type DifferenceRepair = "status_follow" | "lines_follow"

export interface KaspiMedusaDifference {
  field: DifferenceField
  kaspi: string | number | null
  medusa: string | number | null
  /** what reconciliation runs to repair it from Kaspi's side; null: a person decides */
  repair: DifferenceRepair | null
  /** in plain English (the API, the stored disagreement) */
  reason: string
  /** the same for the admin, in the user's language */
  text: KaspiText
}

/** Kaspi's statuses while the order is open: Medusa cannot be ahead of these on its own (API.md b). */
const KASPI_ACTIVE = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
/** Kaspi cuts lines only while the order is open, and the sync follows a cut until completion (API.md a.12). */
const LINES_FOLLOW_WHILE = new Set([...KASPI_ACTIVE, "COMPLETED"])
/** Kaspi has given the buyer's money back (API.md b: CANCELLED, RETURNED end with Kaspi refunding). */
const KASPI_REFUNDED = new Set(["CANCELLED", "RETURNED"])
const MEDUSA_CLOSED = new Set(["canceled", "completed", "archived"])

/**
 * Every difference between the two sides. A status Medusa must follow hides
 * the money checks (following it moves the money), and a lines difference
 * hides the total (the lines explain it); reconciliation compares again after
 * its repairs, so what is hidden now is seen then.
 */
export function compareKaspiAndMedusa(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference[] {
  const out: KaspiMedusaDifference[] = []
  const status = compareStatus(kaspi, medusa)
  if (status) out.push(status)
  if (medusa.status === "canceled" || KASPI_REFUNDED.has(kaspi.status) || kaspi.status === "CANCELLING") {
    // Nothing is left to sell: lines, total and reservations no longer matter, only the money.
    if (!status) out.push(...compareRefunds(kaspi, medusa))
    return out
  }
  const lines = compareLines(kaspi, medusa)
  if (lines) out.push(lines)
  else if (!totalsAgree(kaspi.total, medusa.total)) out.push(totalDifference(kaspi, medusa))
  const reservations = compareReservations(kaspi, medusa)
  if (reservations) out.push(reservations)
  if (!status && !lines) out.push(...comparePayment(kaspi, medusa))
  return out
}

function compareStatus(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference | null {
  const followUp = kaspiStatusToMedusaAction(
    { status: kaspi.status, cancellationReason: kaspi.cancellation_reason ?? undefined },
    {
      status: medusa.status,
      fulfillments: medusa.fulfillments,
      kaspiReturn: medusa.kaspi_return,
      unrefunded: medusa.payment.captured - medusa.payment.refunded,
    }
  )
  const medusaView = medusaStatusWords(medusa)
  if (followUp.action === "cancel" || followUp.action === "complete" || followUp.action === "return") {
    return {
      field: "status",
      kaspi: kaspi.status,
      medusa: medusaView,
      repair: "status_follow",
      reason: `Kaspi says ${kaspi.status}, the Medusa order is ${medusaView}: Medusa follows Kaspi (${followUp.action}: ${followUp.reason})`,
      text: { code: "reconcile.status_follow", params: { status: kaspi.status, medusa: medusaView, action: followUp.action } },
    }
  }
  if (followUp.action === "record") {
    return {
      field: "status",
      kaspi: kaspi.status,
      medusa: medusaView,
      repair: null,
      reason: followUp.reason,
      text: { code: "reconcile.status_attention", params: { status: kaspi.status, medusa: medusaView } },
    }
  }
  if (!KASPI_ACTIVE.has(kaspi.status)) return null
  // Medusa ahead of Kaspi: cancelled or completed in Medusa while Kaspi still has the order open.
  // While the matching action is still on its way to Kaspi, Medusa is only waiting for Kaspi.
  const ahead = medusa.status === "canceled" ? "cancel" : medusa.status === "completed" ? "complete" : null
  if (!ahead || medusa.pending_actions.includes(ahead)) return null
  return {
    field: "status",
    kaspi: kaspi.status,
    medusa: medusa.status,
    repair: null,
    reason:
      `The Medusa order is ${medusa.status} but Kaspi still has it ${kaspi.status}, and no ${ahead} is waiting to be sent to Kaspi: ` +
      `${ahead} it on Kaspi, or restore the Medusa order`,
    text: { code: "reconcile.status_medusa_ahead", params: { status: kaspi.status, medusa: medusa.status, action: ahead } },
  }
}

/** "pending", "pending, 1 shipped fulfilment", "completed, return received". */
function medusaStatusWords(medusa: MedusaSideOfOrder): string {
  const shipped = medusa.fulfillments.filter((f) => f.shipped || f.delivered).length
  const parts = [medusa.status]
  if (shipped) parts.push(`${shipped} shipped fulfilment${shipped > 1 ? "s" : ""}`)
  if (medusa.kaspi_return) parts.push(medusa.kaspi_return.received ? "return received" : "return open")
  return parts.join(", ")
}

function compareLines(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference | null {
  const plan = planKaspiLines(
    medusa.items.map((i) => ({ id: i.id, title: i.title, quantity: i.quantity, kaspi_entry_id: i.kaspi_entry_id })),
    kaspi.entries
  )
  if (!plan.reductions.length && !plan.increases.length) return null
  const changes = [
    ...plan.reductions.map((r) => ({ title: r.title, from: r.from, to: r.to })),
    ...plan.increases.map((i) => ({ title: i.title ?? i.kaspi_entry_id, from: i.medusa_quantity, to: i.kaspi_quantity })),
  ]
  const lines = describeLineChanges(changes)
  const kaspiUnits = kaspi.entries.reduce((n, e) => n + e.quantity, 0)
  const medusaUnits = medusa.items.filter((i) => i.kaspi_entry_id).reduce((n, i) => n + i.quantity, 0)
  // Kaspi only ever lowers a line (API.md a.12): a lower Kaspi quantity is a cut Medusa missed. A
  // higher one Kaspi cannot have made, so Medusa was edited by hand: a person decides.
  const followable = !plan.increases.length && !MEDUSA_CLOSED.has(medusa.status) && LINES_FOLLOW_WHILE.has(kaspi.status)
  if (followable) {
    return {
      field: "lines",
      kaspi: kaspiUnits,
      medusa: medusaUnits,
      repair: "lines_follow",
      reason: `Kaspi has fewer than Medusa (Medusa → Kaspi: ${lines}): Medusa follows Kaspi`,
      text: { code: "reconcile.lines_follow", params: { lines } },
    }
  }
  return {
    field: "lines",
    kaspi: kaspiUnits,
    medusa: medusaUnits,
    repair: null,
    reason: plan.increases.length
      ? `The lines differ (Medusa → Kaspi: ${lines}) and Kaspi never raises a line, so the Medusa order was changed by hand: a person must decide`
      : `The lines differ (Medusa → Kaspi: ${lines}) but the Medusa order is ${medusa.status}, so it cannot follow`,
    text: { code: "reconcile.lines_attention", params: { lines, medusa: medusa.status } },
  }
}

function totalDifference(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference {
  return {
    field: "total",
    kaspi: kaspi.total,
    medusa: medusa.total,
    repair: null,
    reason: `Kaspi's total is ${kaspi.total} ₸, Medusa's ${medusa.total} ₸ with the same lines (a price changed?): Medusa's prices are never changed by the plugin`,
    text: { code: "reconcile.total", params: { kaspi_total: kaspi.total, medusa_total: medusa.total } },
  }
}

/**
 * Reservations are Medusa's own bookkeeping, not something Kaspi says, so
 * they are never "repaired from Kaspi's side": a missing one may be stock a
 * person moved or released on purpose, an extra one stock held twice. Only
 * an open order with nothing fulfilled is checked (a fulfilment consumes its
 * reservation).
 */
function compareReservations(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference | null {
  if (MEDUSA_CLOSED.has(medusa.status) || medusa.fulfillments.length || !KASPI_ACTIVE.has(kaspi.status)) return null
  const off: Array<{ title: string; expected: number; reserved: number }> = []
  for (const item of medusa.items) {
    for (const inv of item.inventory) {
      const expected = item.quantity * inv.required_quantity
      if (inv.reserved !== expected) off.push({ title: item.title, expected, reserved: inv.reserved })
    }
  }
  if (!off.length) return null
  const lines = off.map((o) => `${o.title}: ${o.reserved} reserved of ${o.expected}`).join(", ")
  const expected = off.reduce((n, o) => n + o.expected, 0)
  const reserved = off.reduce((n, o) => n + o.reserved, 0)
  return {
    field: "reservations",
    kaspi: expected,
    medusa: reserved,
    repair: null,
    reason: `Stock reserved for the order does not match its lines (${lines}): ${reserved < expected ? "reserve the missing stock" : "release the extra reservation"} in Medusa`,
    text: { code: "reconcile.reservations", params: { lines } },
  }
}

/** While the order stands, the buyer paid Kaspi's total: Medusa holds captured − refunded of it. */
function comparePayment(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference[] {
  const { captured, refunded } = medusa.payment
  const held = captured - refunded
  if (totalsAgree(kaspi.total, held)) return []
  return [
    {
      field: "payment",
      kaspi: kaspi.total,
      medusa: held,
      repair: null,
      reason: `Medusa holds ${held} ₸ of the buyer's money (captured ${captured} ₸, refunded ${refunded} ₸) but Kaspi's total is ${kaspi.total} ₸`,
      text: { code: "reconcile.payment", params: { kaspi_total: kaspi.total, held, captured, refunded } },
    },
  ]
}

/**
 * Cancelled or returned: Kaspi gave the buyer's money back, and Medusa's
 * cancel (or the sync's refund) gives back what was captured. Money still held,
 * or more refunded than captured, is for a person.
 */
function compareRefunds(kaspi: KaspiSideOfOrder, medusa: MedusaSideOfOrder): KaspiMedusaDifference[] {
  const { captured, refunded } = medusa.payment
  const held = captured - refunded
  // CANCELLING: the goods are on their way back and Kaspi has not refunded yet (API.md b).
  const expectedHeld = KASPI_REFUNDED.has(kaspi.status) || medusa.status === "canceled" ? 0 : held
  if (held >= 0 && totalsAgree(held, expectedHeld)) return []
  return [
    {
      field: "refunds",
      kaspi: expectedHeld,
      medusa: held,
      repair: null,
      reason:
        held < 0
          ? `Medusa refunded ${refunded} ₸, more than the ${captured} ₸ captured`
          : `Kaspi gave the buyer's money back (${kaspi.status}) but Medusa still holds ${held} ₸ (captured ${captured} ₸, refunded ${refunded} ₸): record the refund in Medusa`,
      text: { code: "reconcile.refunds", params: { status: kaspi.status, held, captured, refunded } },
    },
  ]
}

export interface KaspiReconciliation {
  /** what still differs after the repairs (each with its reason): a person decides */
  differences: KaspiMedusaDifference[]
  /** what differed and was repaired from Kaspi's side */
  repaired: KaspiMedusaDifference[]
  /** the order is flagged (or stays flagged) as disagreeing */
  disagrees: boolean
}

/** All the reasons in one sentence, for the stored disagreement. */
export function describeDifferences(differences: KaspiMedusaDifference[]): string {
  return differences.map((d) => d.reason).join("; ")
}
