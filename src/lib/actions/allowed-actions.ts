import { KASPI_CANCELLATION_REASONS, type KaspiCancellationReason } from "../../modules/kaspi/client/schemas"
import { checkKaspiAction, type KaspiActionPayload, type KaspiOrderFacts } from "./kaspi-actions"

/** The actions the admin offers as buttons, in the order it shows them. */
export const OFFERED_ACTIONS = ["accept", "assemble", "send_code", "complete", "arrived", "arrived_backward", "cancel", "cancel_entry"] as const
export type OfferedAction = (typeof OFFERED_ACTIONS)[number]

/** An outbox row as far as this decision needs it. */
export interface OutboxRowFacts {
  action: string
  status: string
}

export interface AllowedKaspiActions {
  actions: OfferedAction[]
  /** The Kaspi reasons a cancel may give now (BUYER_NOT_REACHABLE is not allowed for Kaspi Delivery). */
  cancel_reasons: KaspiCancellationReason[]
}

// A well-formed stand-in for what the person will type: the check is about the order, not the input.
const SAMPLE: Record<OfferedAction, KaspiActionPayload> = {
  accept: { action: "accept" },
  assemble: { action: "assemble", number_of_space: 1 },
  send_code: { action: "send_code" },
  complete: { action: "complete", security_code: "0000" },
  arrived: { action: "arrived" },
  arrived_backward: { action: "arrived_backward" },
  cancel: { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" },
  cancel_entry: { action: "cancel_entry", entry_id: "entry", remained_quantity: 0, reason: "MERCHANT_OUT_OF_STOCK" },
}

/**
 * checkKaspiAction answers "would Kaspi take this?" and says yes to repeating
 * what is already done (it is harmless there). A button must also not offer
 * what is already done or on its way: this is that second rule.
 */
function alreadyDone(o: KaspiOrderFacts, action: OfferedAction, outbox: OutboxRowFacts[]): boolean {
  // Queued, being sent, sent, or recorded in dry-run mode: clicking again would only repeat it.
  const inOutbox = outbox.some((r) => r.action === action && ["pending", "sending", "sent", "dry_run"].includes(r.status))
  switch (action) {
    case "accept":
      return o.status === "ACCEPTED_BY_MERCHANT" || inOutbox
    case "cancel":
      return o.status === "CANCELLED" || o.status === "CANCELLING" || inOutbox
    case "complete":
      return o.status === "COMPLETED" || inOutbox
    case "assemble":
      return o.assembled || inOutbox
    case "arrived":
    case "arrived_backward":
      return inOutbox
    case "send_code":
      // Sending the code again is how a merchant helps a buyer who lost the SMS.
      return false
    case "cancel_entry":
      // Another line may be cut after one was; not once the whole order is being cancelled.
      return outbox.some((r) => r.action === "cancel" && ["pending", "sending", "sent", "dry_run"].includes(r.status))
  }
}

/**
 * What the order widget may offer right now, decided on the server with the
 * same rules the action route applies (checkKaspiAction), so the admin never
 * shows a button that the API would refuse.
 */
export function allowedKaspiActions(o: KaspiOrderFacts, outbox: OutboxRowFacts[] = []): AllowedKaspiActions {
  const actions = OFFERED_ACTIONS.filter((a) => checkKaspiAction(o, SAMPLE[a]).ok && !alreadyDone(o, a, outbox))
  const cancel_reasons = actions.includes("cancel")
    ? KASPI_CANCELLATION_REASONS.filter((reason) => checkKaspiAction(o, { action: "cancel", reason }).ok)
    : []
  return { actions, cancel_reasons }
}
