import type { KaspiClient, OrderRef, StatusChangeResult } from "../../modules/kaspi/client"
import type { KaspiActionPayload } from "../actions/kaspi-actions"

/** One outbox payload → the one Kaspi call it stands for. */
export async function performKaspiAction(client: KaspiClient, ref: OrderRef, p: KaspiActionPayload): Promise<StatusChangeResult | { status: string; raw: unknown }> {
  switch (p.action) {
    case "accept":
      return client.acceptOrder(ref)
    case "cancel":
      return client.cancelOrder(ref, p.reason, p.comment)
    case "send_code":
      return client.sendCompletionCode(ref)
    case "complete":
      return client.completeOrder(ref, p.security_code)
    case "assemble":
      return client.assembleOrder(ref, p.number_of_space)
    case "arrived":
      return client.markArrived(ref)
    case "arrived_backward":
      return client.markArrivedBackward(ref)
    case "cancel_entry":
      return client.cancelOrderEntry({ entryId: p.entry_id, remainedQuantity: p.remained_quantity, reason: p.reason, notes: p.notes })
  }
}

/** Kaspi status (on our record) once the action went through. */
export const STATUS_AFTER: Partial<Record<KaspiActionPayload["action"], string>> = {
  accept: "ACCEPTED_BY_MERCHANT",
  cancel: "CANCELLED",
  complete: "COMPLETED",
}
