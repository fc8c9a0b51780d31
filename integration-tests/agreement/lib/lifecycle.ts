import type { SandboxOrder } from "../../../sandbox/types"
import type { KaspiStep, MerchantStep } from "./history"

/**
 * The order's usual next step, read from Kaspi's side as it stands (API.md b):
 * accept; "arrived" for a pre-order; Kaspi Delivery: assemble, the courier
 * takes it, Kaspi completes it; otherwise the code to the buyer, then
 * complete with it; after completion a return, requested, accepted and
 * received back. Null once the order has nowhere left to go.
 */
export function usualNextStep(o: SandboxOrder): MerchantStep | KaspiStep | null {
  switch (o.status) {
    case "APPROVED_BY_BANK":
      return { kind: "accept" }
    case "ACCEPTED_BY_MERCHANT":
      if (o.preOrder && !o.arrived) return { kind: "arrived" }
      if (o.isKaspiDelivery) {
        if (!o.assembled) return { kind: "assemble", places: 1 }
        return o.kaspiDelivery?.courierTransmissionDate != null ? { kind: "kaspi", event: "kaspi_complete" } : { kind: "kaspi", event: "courier_pickup" }
      }
      return o.securityCode ? { kind: "complete", code: "right" } : { kind: "send_code" }
    case "COMPLETED":
      return { kind: "kaspi", event: "return_requested" }
    case "KASPI_DELIVERY_RETURN_REQUESTED":
      return o.isKaspiDelivery ? { kind: "kaspi", event: "return_accepted" } : { kind: "return_received" }
    case "RETURN_ACCEPTED_BY_MERCHANT":
      return { kind: "kaspi", event: "returned" }
    case "CANCELLING":
      return o.isKaspiDelivery ? { kind: "return_received" } : null
    default:
      return null
  }
}
