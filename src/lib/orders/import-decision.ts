import { KASPI_ORDER_STATUSES, type KaspiOrderAttributes } from "../../modules/kaspi/client"
import type { KaspiText } from "../../types/kaspi-texts"

/** Kaspi statuses in which an order is alive and becomes a Medusa order. */
export const IMPORTABLE_STATUSES = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
const KNOWN_STATUSES = new Set<string>(KASPI_ORDER_STATUSES)

export type ImportDecision =
  | { action: "import" }
  | { action: "ignore"; reason: string; text: KaspiText }
  | { action: "needs_attention"; reason: string; text: KaspiText }

/**
 * Whether a Kaspi order seen for the first time should become a Medusa order.
 * An order already cancelled, completed or returned when the plugin first sees
 * it has nothing left to fulfil: it is recorded as `ignored`, with the reason.
 * A status the plugin does not know (Kaspi's list is open-ended, API.md (b))
 * is neither imported nor dropped: a person decides.
 */
export function importDecision(a: Pick<KaspiOrderAttributes, "status">): ImportDecision {
  if (IMPORTABLE_STATUSES.has(a.status)) return { action: "import" }
  if (!KNOWN_STATUSES.has(a.status)) {
    return {
      action: "needs_attention",
      reason: `Kaspi status "${a.status}" is not known to the plugin: check the order in the Kaspi cabinet`,
      text: { code: "import.unknown_status", params: { status: a.status } },
    }
  }
  return {
    action: "ignore",
    reason: `already ${a.status} on Kaspi when first seen: nothing to fulfil`,
    text: { code: "import.ignored", params: { status: a.status } },
  }
}
