import type { KaspiOrderFacts } from "../kaspi-actions"

/** A pickup order's facts in the given Kaspi status; `over` changes the rest. */
export const orderFacts = (status: string, over: Partial<KaspiOrderFacts> = {}): KaspiOrderFacts => ({
  status,
  state: status === "APPROVED_BY_BANK" ? "NEW" : "PICKUP",
  delivery_mode: "DELIVERY_PICKUP",
  is_kaspi_delivery: false,
  assembled: false,
  pre_order: false,
  signature_required: false,
  ...over,
})
