// Pure order transition rules (API.md section b, a.11). No I/O, no clock, no randomness:
// given the facts of an order and a command, say whether it is allowed and what changes.

import type { DeliveryMode, KaspiOrderState, KaspiOrderStatus, KaspiSideEvent } from "./types"

export interface OrderFacts {
  state: KaspiOrderState
  status: KaspiOrderStatus
  deliveryMode: DeliveryMode
  isKaspiDelivery: boolean
  assembled: boolean
  /** true while the buyer still has to sign the credit documents */
  signatureRequired: boolean
  preOrder: boolean
  arrived: boolean
  /** the code sent by COMPLETED step 1, if any */
  securityCode: string | null
  courierPickedUp: boolean
  returnedToWarehouse: boolean
}

export interface FactsPatch {
  state?: KaspiOrderState
  status?: KaspiOrderStatus
  assembled?: boolean
  numberOfSpace?: number
  arrived?: boolean
  signatureRequired?: boolean
  cancellationReason?: string
  cancellationComment?: string | null
  returnedToWarehouse?: boolean
  courierPickedUp?: boolean
  pendingCancellation?: boolean
}

/** Side effects the store carries out (they need randomness or the clock). */
export type Effect = "SEND_SECURITY_CODE" | "SCHEDULE_WAYBILL" | "ARCHIVED" | "COMPLETED"

export type Decision =
  | { ok: true; patch: FactsPatch; effects: Effect[] }
  | { ok: false; title: string; detail?: string }

export const WRITE_STATUSES = ["ACCEPTED_BY_MERCHANT", "CANCELLED", "COMPLETED", "ASSEMBLE", "ARRIVED", "ARRIVED_BACKWARD"] as const
export type WriteStatus = (typeof WRITE_STATUSES)[number]

export const MERCHANT_CANCELLATION_REASONS = [
  "BUYER_CANCELLATION_BY_MERCHANT",
  "BUYER_NOT_REACHABLE",
  "MERCHANT_OUT_OF_STOCK",
] as const

export const MAX_CANCELLATION_COMMENT = 1000

export type MerchantCommand =
  | { kind: "ACCEPTED_BY_MERCHANT" }
  | { kind: "CANCELLED"; reason?: unknown; comment?: unknown }
  | { kind: "COMPLETED_SEND_CODE" }
  | { kind: "COMPLETED"; securityCode: string }
  | { kind: "ASSEMBLE"; numberOfSpace?: unknown }
  | { kind: "ARRIVED" }
  | { kind: "ARRIVED_BACKWARD" }

// Error titles. The four COMPLETED ones are verbatim from the guide (payload 10).
export const TITLES = {
  securityCodeInvalid: "Security code is not valid. And the order cannot be completed without it",
  completeCancelled: "Order is cancelled, so it can't be completed.",
  completeAlreadyCompleted: "Order already has been completed, so it can't be completed again.",
  completeSignaturePending: "Order is not may complete allowed",
  completeKaspiDelivery: "Order is delivered by Kaspi Delivery, so it can't be completed by the merchant.",
  completeNotAccepted: "Order is not accepted by merchant, so it can't be completed.",
  acceptAlready: "Order is already accepted by merchant",
  acceptCancelled: "Order is cancelled, so it can't be accepted.",
  acceptCompleted: "Order has been completed, so it can't be accepted.",
  cancelAlready: "Order is already cancelled",
  cancelAlreadyCancelling: "Order is already being cancelled",
  cancelCompleted: "Order has been completed, so it can't be cancelled.",
  cancelAssembled: "Order has been assembled, so it can't be cancelled.",
  cancelReasonRequired: "cancellationReason is required to cancel an order",
  cancelReasonUnknown: "Cancellation reason is not allowed",
  cancelReasonNotReachableKaspi: "Cancellation reason BUYER_NOT_REACHABLE is not allowed for Kaspi Delivery orders",
  cancelCommentTooLong: "cancellationComment must not be longer than 1000 characters",
  assembleNotKaspi: "Order is not a Kaspi Delivery order, so it can't be assembled.",
  assembleNotAccepted: "Order is not accepted by merchant, so it can't be assembled.",
  assembleCancelled: "Order is cancelled, so it can't be assembled.",
  assembleCompleted: "Order has been completed, so it can't be assembled.",
  assembleAlready: "Order is already assembled",
  numberOfSpaceRequired: "numberOfSpace is required to assemble an order",
  numberOfSpaceInvalid: "numberOfSpace must be a positive integer",
  arrivedNotPreOrder: "Order is not a pre-order, so it can't be marked as arrived.",
  arrivedNotAccepted: "Order is not accepted by merchant, so it can't be marked as arrived.",
  arrivedCancelled: "Order is cancelled, so it can't be marked as arrived.",
  arrivedCompleted: "Order has been completed, so it can't be marked as arrived.",
  arrivedAlready: "Order has already arrived",
  arrivedBackwardAlready: "Order has already arrived back to the warehouse",
  arrivedBackwardNotAllowed: "Order is neither being cancelled nor being returned, so it can't arrive backward.",
} as const

const POST_COMPLETION: readonly KaspiOrderStatus[] = [
  "COMPLETED",
  "KASPI_DELIVERY_RETURN_REQUESTED",
  "RETURN_ACCEPTED_BY_MERCHANT",
  "RETURNED",
]

export const isPostCompletion = (s: KaspiOrderStatus): boolean => POST_COMPLETION.includes(s)
export const isCancelledOrCancelling = (s: KaspiOrderStatus): boolean => s === "CANCELLED" || s === "CANCELLING"
export const isActive = (s: KaspiOrderStatus): boolean => s === "APPROVED_BY_BANK" || s === "ACCEPTED_BY_MERCHANT"

/** The list ("tab") an order moves to once accepted. */
export function acceptedStateFor(deliveryMode: DeliveryMode, isKaspiDelivery: boolean): KaspiOrderState {
  if (isKaspiDelivery) return "KASPI_DELIVERY"
  if (deliveryMode === "DELIVERY_LOCAL" || deliveryMode === "DELIVERY_REGIONAL_TODOOR") return "DELIVERY"
  return "PICKUP"
}

/** The state that goes with a status, for orders built from a status alone. */
export function defaultStateFor(
  status: KaspiOrderStatus,
  deliveryMode: DeliveryMode,
  isKaspiDelivery: boolean,
  signatureRequired: boolean
): KaspiOrderState {
  switch (status) {
    case "APPROVED_BY_BANK":
      return signatureRequired ? "SIGN_REQUIRED" : "NEW"
    case "ACCEPTED_BY_MERCHANT":
    case "CANCELLING":
      return acceptedStateFor(deliveryMode, isKaspiDelivery)
    case "KASPI_DELIVERY_RETURN_REQUESTED":
    case "RETURN_ACCEPTED_BY_MERCHANT":
      return "KASPI_DELIVERY"
    default:
      return "ARCHIVE"
  }
}

const reject = (title: string, detail?: string): Decision => (detail ? { ok: false, title, detail } : { ok: false, title })
const allow = (patch: FactsPatch, effects: Effect[] = []): Decision => ({ ok: true, patch, effects })

export function parseNumberOfSpace(value: unknown): { ok: true; value: number } | { ok: false; title: string } {
  if (value === undefined || value === null || value === "") return { ok: false, title: TITLES.numberOfSpaceRequired }
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(n) || n < 1) return { ok: false, title: TITLES.numberOfSpaceInvalid }
  return { ok: true, value: n }
}

export function decideMerchantCommand(o: OrderFacts, cmd: MerchantCommand): Decision {
  switch (cmd.kind) {
    case "ACCEPTED_BY_MERCHANT":
      if (o.status === "ACCEPTED_BY_MERCHANT") return reject(TITLES.acceptAlready)
      if (isCancelledOrCancelling(o.status)) return reject(TITLES.acceptCancelled)
      if (isPostCompletion(o.status)) return reject(TITLES.acceptCompleted)
      return allow({ status: "ACCEPTED_BY_MERCHANT", state: acceptedStateFor(o.deliveryMode, o.isKaspiDelivery) })

    case "CANCELLED": {
      if (o.status === "CANCELLED") return reject(TITLES.cancelAlready)
      if (o.status === "CANCELLING") return reject(TITLES.cancelAlreadyCancelling)
      if (isPostCompletion(o.status)) return reject(TITLES.cancelCompleted)
      if (o.assembled) return reject(TITLES.cancelAssembled)
      if (cmd.reason === undefined || cmd.reason === null || cmd.reason === "") return reject(TITLES.cancelReasonRequired)
      const reason = String(cmd.reason)
      if (!(MERCHANT_CANCELLATION_REASONS as readonly string[]).includes(reason)) {
        return reject(TITLES.cancelReasonUnknown, `Unknown cancellationReason "${reason}"; use one of ${MERCHANT_CANCELLATION_REASONS.join(", ")}`)
      }
      if (reason === "BUYER_NOT_REACHABLE" && o.isKaspiDelivery) return reject(TITLES.cancelReasonNotReachableKaspi)
      let comment: string | null = null
      if (cmd.comment !== undefined && cmd.comment !== null) {
        comment = String(cmd.comment)
        if (comment.length > MAX_CANCELLATION_COMMENT) return reject(TITLES.cancelCommentTooLong)
      }
      return allow(
        { status: "CANCELLED", state: "ARCHIVE", cancellationReason: reason, cancellationComment: comment },
        ["ARCHIVED"]
      )
    }

    case "COMPLETED_SEND_CODE":
    case "COMPLETED": {
      if (isCancelledOrCancelling(o.status)) return reject(TITLES.completeCancelled)
      if (isPostCompletion(o.status)) return reject(TITLES.completeAlreadyCompleted)
      if (o.isKaspiDelivery) return reject(TITLES.completeKaspiDelivery)
      if (o.status !== "ACCEPTED_BY_MERCHANT") return reject(TITLES.completeNotAccepted)
      if (o.signatureRequired) return reject(TITLES.completeSignaturePending)
      if (cmd.kind === "COMPLETED_SEND_CODE") return allow({}, ["SEND_SECURITY_CODE"])
      if (o.securityCode === null || cmd.securityCode !== o.securityCode) return reject(TITLES.securityCodeInvalid)
      return allow({ status: "COMPLETED", state: "ARCHIVE" }, ["COMPLETED", "ARCHIVED"])
    }

    case "ASSEMBLE": {
      if (!o.isKaspiDelivery) return reject(TITLES.assembleNotKaspi)
      if (isCancelledOrCancelling(o.status)) return reject(TITLES.assembleCancelled)
      if (isPostCompletion(o.status)) return reject(TITLES.assembleCompleted)
      if (o.status !== "ACCEPTED_BY_MERCHANT") return reject(TITLES.assembleNotAccepted)
      if (o.assembled) return reject(TITLES.assembleAlready)
      const n = parseNumberOfSpace(cmd.numberOfSpace)
      if (!n.ok) return reject(n.title)
      return allow({ assembled: true, numberOfSpace: n.value }, ["SCHEDULE_WAYBILL"])
    }

    case "ARRIVED":
      if (!o.preOrder) return reject(TITLES.arrivedNotPreOrder)
      if (isCancelledOrCancelling(o.status)) return reject(TITLES.arrivedCancelled)
      if (isPostCompletion(o.status)) return reject(TITLES.arrivedCompleted)
      if (o.status !== "ACCEPTED_BY_MERCHANT") return reject(TITLES.arrivedNotAccepted)
      if (o.arrived) return reject(TITLES.arrivedAlready)
      return allow({ arrived: true })

    case "ARRIVED_BACKWARD":
      if (o.status === "CANCELLING") {
        return allow(
          { status: "CANCELLED", state: "ARCHIVE", returnedToWarehouse: true, pendingCancellation: false },
          ["ARCHIVED"]
        )
      }
      if (o.status === "KASPI_DELIVERY_RETURN_REQUESTED") {
        return allow({ status: "RETURNED", state: "ARCHIVE", returnedToWarehouse: true }, ["ARCHIVED"])
      }
      if ((o.status === "CANCELLED" || o.status === "RETURNED") && o.returnedToWarehouse) {
        return reject(TITLES.arrivedBackwardAlready)
      }
      return reject(TITLES.arrivedBackwardNotAllowed, `Current status: ${o.status}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Kaspi-side events (things Kaspi, the buyer or the courier do; driven by the control API)

export const KASPI_SIDE_EVENTS: readonly KaspiSideEvent[] = [
  "buyer_cancel",
  "kaspi_cancel_timeout",
  "courier_cancel",
  "courier_pickup",
  "kaspi_complete",
  "return_requested",
  "return_accepted",
  "returned",
  "buyer_signs",
  "cabinet_cancel_entry",
]

export function isKaspiSideEvent(e: unknown): e is KaspiSideEvent {
  return typeof e === "string" && (KASPI_SIDE_EVENTS as readonly string[]).includes(e)
}

function kaspiCancellation(o: OrderFacts, reason: string, immediate: boolean): Decision {
  if (!isActive(o.status)) {
    return reject(`Order in status ${o.status} can't be cancelled by Kaspi`)
  }
  if (immediate) {
    return allow(
      { status: "CANCELLED", state: "ARCHIVE", cancellationReason: reason, pendingCancellation: false },
      ["ARCHIVED"]
    )
  }
  // CANCELLING keeps the list the order was in; an unaccepted order stays NEW/SIGN_REQUIRED.
  return allow({ status: "CANCELLING", cancellationReason: reason, pendingCancellation: true })
}

export function decideKaspiEvent(
  o: OrderFacts,
  event: KaspiSideEvent,
  options: { immediate?: boolean; reason?: string } = {}
): Decision {
  const immediate = options.immediate === true
  switch (event) {
    case "buyer_cancel":
      return kaspiCancellation(o, options.reason ?? "BUYER_CANCELLATION_HIMSELF", immediate)

    case "kaspi_cancel_timeout": {
      let reason: string
      if (o.status === "APPROVED_BY_BANK" && o.state === "SIGN_REQUIRED") reason = "TIMEOUT_BUYER_SIGNATURE"
      else if (o.isKaspiDelivery) reason = "TIMEOUT_KASPI_DELIVERY"
      else reason = "TIMEOUT_BUYER_PICKUP"
      return kaspiCancellation(o, options.reason ?? reason, immediate)
    }

    case "courier_cancel":
      if (!o.isKaspiDelivery) return reject("Only Kaspi Delivery orders have a Kaspi courier")
      return kaspiCancellation(o, options.reason ?? "BUYER_CANCELLATION_BY_COURIER", immediate)

    case "courier_pickup":
      if (!o.isKaspiDelivery) return reject("Only Kaspi Delivery orders are picked up by a Kaspi courier")
      if (o.status !== "ACCEPTED_BY_MERCHANT") return reject(`Order in status ${o.status} can't be handed to the courier`)
      if (!o.assembled) return reject("Order is not assembled yet (send ASSEMBLE first)")
      if (o.courierPickedUp) return reject("Order has already been handed to the courier")
      return allow({ courierPickedUp: true })

    case "kaspi_complete":
      if (!o.isKaspiDelivery) return reject("Only Kaspi Delivery orders are completed by Kaspi")
      if (isPostCompletion(o.status)) return reject("Order already has been completed")
      if (o.status !== "ACCEPTED_BY_MERCHANT") return reject(`Order in status ${o.status} can't be delivered`)
      if (!o.assembled) return reject("Order is not assembled yet (send ASSEMBLE first)")
      if (!o.courierPickedUp) return reject("Order has not been handed to the courier yet (trigger courier_pickup first)")
      return allow({ status: "COMPLETED", state: "ARCHIVE" }, ["COMPLETED", "ARCHIVED"])

    case "return_requested":
      if (o.status !== "COMPLETED") return reject(`Only completed orders can be returned (status is ${o.status})`)
      return allow({ status: "KASPI_DELIVERY_RETURN_REQUESTED", state: "KASPI_DELIVERY", returnedToWarehouse: false })

    case "return_accepted":
      if (o.status !== "KASPI_DELIVERY_RETURN_REQUESTED") {
        return reject(`No return is waiting for a decision (status is ${o.status})`)
      }
      return allow({ status: "RETURN_ACCEPTED_BY_MERCHANT" })

    case "returned":
      if (o.status !== "KASPI_DELIVERY_RETURN_REQUESTED" && o.status !== "RETURN_ACCEPTED_BY_MERCHANT") {
        return reject(`No return is in progress (status is ${o.status})`)
      }
      return allow({ status: "RETURNED", state: "ARCHIVE" }, ["ARCHIVED"])

    case "buyer_signs":
      if (!o.signatureRequired) return reject("Order has no signature pending")
      if (!isActive(o.status)) return reject(`Order in status ${o.status} can't be signed`)
      return allow(o.state === "SIGN_REQUIRED" ? { signatureRequired: false, state: "NEW" } : { signatureRequired: false })

    case "cabinet_cancel_entry":
      // Changes lines, not the status: the store applies the partial-cancel rules (entry-cancel.ts, a.12).
      return allow({})
  }
}
