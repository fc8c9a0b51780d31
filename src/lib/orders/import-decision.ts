import type { KaspiOrderAttributes } from "../../modules/kaspi/client"

/** Kaspi statuses in which an order is alive and becomes a Medusa order. */
export const IMPORTABLE_STATUSES = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])

/**
 * Whether a Kaspi order seen for the first time should become a Medusa order.
 * An order already cancelled, completed or returned when the plugin first sees
 * it has nothing left to fulfil: it is recorded as `ignored`, with the reason.
 */
export function importDecision(a: Pick<KaspiOrderAttributes, "status">): { action: "import" } | { action: "ignore"; reason: string } {
  if (IMPORTABLE_STATUSES.has(a.status)) return { action: "import" }
  return { action: "ignore", reason: `already ${a.status} on Kaspi when first seen: nothing to fulfil` }
}
