import { KASPI_ORDER_STATUSES, type KaspiOrderAttributes } from "../../modules/kaspi/client"

export type MedusaFollowUp =
  | { action: "cancel"; reason: string }
  | { action: "complete"; reason: string }
  | { action: "record"; reason: string }
  | { action: "none" }

export interface MedusaOrderState {
  status: string
  /** fulfilments not canceled, with whether they were shipped or delivered */
  fulfillments: Array<{ shipped: boolean; delivered: boolean }>
}

const RETURN_STATUSES = new Set(["KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT", "RETURNED"])
const KNOWN_STATUSES = new Set<string>(KASPI_ORDER_STATUSES)

/**
 * What a Kaspi-side status means for the linked Medusa order. Pure: the caller
 * reads both sides and carries the answer out.
 */
export function kaspiStatusToMedusaAction(
  a: Pick<KaspiOrderAttributes, "status" | "cancellationReason">,
  medusa: MedusaOrderState
): MedusaFollowUp {
  const closed = medusa.status === "canceled" || medusa.status === "completed" || medusa.status === "archived"
  if (a.status === "CANCELLED" || a.status === "CANCELLING") {
    if (medusa.status === "canceled") return { action: "none" }
    if (medusa.status === "completed" || medusa.fulfillments.some((f) => f.shipped || f.delivered)) {
      return {
        action: "record",
        reason: `Kaspi cancelled the order (${a.cancellationReason ?? "no reason given"}) after it was shipped or completed in Medusa: receive the goods back with a return`,
      }
    }
    return { action: "cancel", reason: `cancelled on Kaspi (${a.cancellationReason ?? "no reason given"})` }
  }
  if (a.status === "COMPLETED") {
    return closed ? { action: "none" } : { action: "complete", reason: "completed on Kaspi" }
  }
  if (RETURN_STATUSES.has(a.status)) {
    return { action: "record", reason: `return on Kaspi: ${a.status}` }
  }
  if (!KNOWN_STATUSES.has(a.status)) {
    // Kaspi's status list is open-ended (API.md (b)): say so rather than guess what it means.
    return { action: "record", reason: `Kaspi status "${a.status}" is not known to the plugin: nothing was changed in Medusa; check the order in the Kaspi cabinet` }
  }
  return { action: "none" }
}
