import type { KaspiOrder } from "../../modules/kaspi/client"
import type { KaspiSideOfOrder } from "./compare-kaspi-and-medusa"

/** Kaspi's order as reconciliation compares it. Pure. `order` must carry every entry (one left out reads as cancelled). */
export function kaspiSideOf(order: KaspiOrder): KaspiSideOfOrder {
  const a = order.attributes
  return {
    status: a.status,
    cancellation_reason: a.cancellationReason ?? null,
    total: a.totalPrice,
    entries: order.entries.map((e) => ({ id: e.id, quantity: e.attributes.quantity })),
  }
}
