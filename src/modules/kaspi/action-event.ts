import type { KaspiEventInput } from "./types"

/** What names an outbox action in its order's history. */
export interface KaspiActionRef {
  account_id: string
  kaspi_order_id: string
  code: string
  action: string
}

/**
 * An outbox action's line in its order's history (`action.<name>`): queued,
 * sent, refused, given up, sent again. One shape wherever an action's fate is
 * written, so the order card and the event log find every step of it.
 */
export function kaspiActionEvent(ref: KaspiActionRef, said: Omit<KaspiEventInput, "account_id" | "kaspi_order_id" | "kaspi_code" | "type">): KaspiEventInput {
  return { account_id: ref.account_id, kaspi_order_id: ref.kaspi_order_id, kaspi_code: ref.code, type: `action.${ref.action}`, ...said }
}
