import type { SandboxOrder } from "../../../sandbox/types"

/**
 * Do Kaspi and Medusa agree on one order? Written apart from the plugin's own
 * reconciliation (src/lib/agreement) so that a wrong idea shared by the sync
 * and reconciliation does not pass here: Kaspi's order is read from the
 * sandbox's own record, Medusa's through Query (read-medusa-order.ts).
 */

export interface MedusaOrderView {
  status: string
  total: number
  /** line quantity per Kaspi entry id (metadata.kaspi_entry_id), summed */
  quantities: Record<string, number>
  captured: number
  refunded: number
  /** returns not cancelled */
  returns: Array<{ status: string }>
}

/** Kaspi still waits on the merchant (API.md b): Medusa must be neither cancelled nor completed. */
const OPEN = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
const CANCEL = new Set(["CANCELLED", "CANCELLING"])
const RETURN = new Set(["KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT", "RETURNED"])

/** Every way the two sides differ, in words; [] when they agree. */
export function judgeAgreement(kaspi: SandboxOrder, medusa: MedusaOrderView, ledgerStatus: string | null): string[] {
  const out: string[] = []
  const k = kaspi.status
  if (ledgerStatus !== k) out.push(`the plugin's record says ${ledgerStatus}, Kaspi says ${k}`)

  if (CANCEL.has(k)) {
    // Cancelled after it was shipped, Medusa cannot cancel it: the goods come back as a return.
    if (medusa.status !== "canceled" && medusa.returns.length === 0) out.push(`Kaspi: ${k}, Medusa: ${medusa.status} with no return`)
    if (k === "CANCELLED" && medusa.refunded !== medusa.captured) {
      out.push(`Kaspi refunded the buyer (CANCELLED), Medusa refunded ${medusa.refunded} of ${medusa.captured}`)
    }
    return out
  }
  if (RETURN.has(k)) {
    if (medusa.returns.length === 0) out.push(`Kaspi: ${k}, Medusa has no return`)
    if (k === "RETURNED") {
      if (!medusa.returns.some((r) => r.status === "received" || r.status === "partially_received")) out.push("Kaspi: RETURNED, the Medusa return is not received")
      if (medusa.refunded !== medusa.captured) out.push(`Kaspi refunded the buyer (RETURNED), Medusa refunded ${medusa.refunded} of ${medusa.captured}`)
    }
    return out
  }
  if (k === "COMPLETED" && medusa.status !== "completed") out.push(`Kaspi: COMPLETED, Medusa: ${medusa.status}`)
  if (OPEN.has(k) && (medusa.status === "canceled" || medusa.status === "completed")) out.push(`Kaspi: ${k}, Medusa: ${medusa.status}`)

  // Lines, total and money: what Kaspi charges now is what Medusa holds.
  for (const e of kaspi.entries) {
    const q = medusa.quantities[e.id] ?? 0
    if (q !== e.quantity) out.push(`line ${e.sku} (${e.id}): Kaspi ${e.quantity}, Medusa ${q}`)
  }
  if (medusa.total !== kaspi.totalPrice) out.push(`total: Kaspi ${kaspi.totalPrice}, Medusa ${medusa.total}`)
  if (medusa.captured - medusa.refunded !== kaspi.totalPrice) {
    out.push(`money: Kaspi charges ${kaspi.totalPrice}, Medusa holds ${medusa.captured - medusa.refunded} (captured ${medusa.captured}, refunded ${medusa.refunded})`)
  }
  return out
}
