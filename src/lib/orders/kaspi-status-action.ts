import { KASPI_ORDER_STATUSES, type KaspiOrderAttributes } from "../../modules/kaspi/client"

/**
 * A Kaspi return carried into Medusa. Each part is done once: a second sync
 * of the same status finds it done and the answer is "none".
 */
export interface MedusaReturnFollowUp {
  action: "return"
  reason: string
  /** the Medusa order was never completed (Kaspi returns only completed orders, API.md b): complete it first */
  complete_first: boolean
  /** no Medusa return for Kaspi's return yet: open one for everything shipped */
  open: boolean
  /** the goods are back (RETURNED): receive the return, unless a person already did */
  receive: boolean
  /** Kaspi refunded the buyer: record a refund of what is captured and not refunded yet */
  refund: boolean
}

export type MedusaFollowUp =
  | { action: "cancel"; reason: string }
  | { action: "complete"; reason: string }
  | MedusaReturnFollowUp
  | { action: "record"; reason: string }
  | { action: "none" }

export interface MedusaOrderState {
  status: string
  /** fulfilments not canceled, with whether they were shipped or delivered */
  fulfillments: Array<{ shipped: boolean; delivered: boolean }>
  /** the return the plugin opened for this Kaspi order (return metadata `kaspi_order_id`), if any and not cancelled */
  kaspiReturn?: { received: boolean } | null
  /** captured and not refunded yet on the order's payments */
  unrefunded?: number
}

const RETURN_STATUSES = new Set(["KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT", "RETURNED"])
const KNOWN_STATUSES = new Set<string>(KASPI_ORDER_STATUSES)

/** What is left of a return; "none" once every part is done. */
function returnFollowUp(
  reason: string,
  medusa: MedusaOrderState,
  parts: { complete_first: boolean; goods_back: boolean; refunded_by_kaspi: boolean }
): MedusaFollowUp {
  const open = !medusa.kaspiReturn
  const receive = parts.goods_back && !medusa.kaspiReturn?.received
  const refund = parts.refunded_by_kaspi && (medusa.unrefunded ?? 0) > 0
  if (!open && !receive && !refund) return { action: "none" }
  return { action: "return", reason, complete_first: open && parts.complete_first, open, receive, refund }
}

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
      // Shipped, so Medusa cannot cancel it: the goods come back as a return (API.md b: CANCELLING means
      // they are on their way back, the merchant confirms with ARRIVED_BACKWARD). Kaspi does not say when
      // they arrive, so a person receives them; the money goes back to the buyer once it is CANCELLED.
      return returnFollowUp(`Kaspi cancelled the order (${a.cancellationReason ?? "no reason given"}) after it was shipped`, medusa, {
        complete_first: false,
        goods_back: false,
        refunded_by_kaspi: a.status === "CANCELLED",
      })
    }
    return { action: "cancel", reason: `cancelled on Kaspi (${a.cancellationReason ?? "no reason given"})` }
  }
  if (a.status === "COMPLETED") {
    return closed ? { action: "none" } : { action: "complete", reason: "completed on Kaspi" }
  }
  if (RETURN_STATUSES.has(a.status)) {
    if (medusa.status === "canceled" || medusa.status === "archived") {
      return { action: "record", reason: `return on Kaspi (${a.status}) of an order that is ${medusa.status} in Medusa: nothing to return there` }
    }
    // API.md b: COMPLETED → KASPI_DELIVERY_RETURN_REQUESTED → RETURN_ACCEPTED_BY_MERCHANT → RETURNED; a poll
    // may see any of them first. RETURNED: the goods are back and Kaspi has refunded the buyer.
    return returnFollowUp(`return on Kaspi: ${a.status}`, medusa, {
      complete_first: medusa.status !== "completed",
      goods_back: a.status === "RETURNED",
      refunded_by_kaspi: a.status === "RETURNED",
    })
  }
  if (!KNOWN_STATUSES.has(a.status)) {
    // Kaspi's status list is open-ended (API.md (b)): say so rather than guess what it means.
    return { action: "record", reason: `Kaspi status "${a.status}" is not known to the plugin: nothing was changed in Medusa; check the order in the Kaspi cabinet` }
  }
  return { action: "none" }
}
