import type { KaspiCancellationReason } from "../../modules/kaspi/client"
import type { KaspiRefusalCode, KaspiTextParams } from "../../types/kaspi-texts"

/** What the merchant can tell Kaspi. Each becomes one outbox row and one Kaspi call. */
export const KASPI_ACTIONS = [
  "accept",
  "cancel",
  "send_code",
  "complete",
  "assemble",
  "arrived",
  "arrived_backward",
  "cancel_entry",
] as const
export type KaspiActionName = (typeof KASPI_ACTIONS)[number]

export type KaspiActionPayload =
  | { action: "accept" }
  | { action: "cancel"; reason: KaspiCancellationReason; comment?: string }
  | { action: "send_code" }
  | { action: "complete"; security_code: string }
  | { action: "assemble"; number_of_space: number; fulfillment_id?: string }
  | { action: "arrived" }
  | { action: "arrived_backward" }
  | { action: "cancel_entry"; entry_id: string; remained_quantity: number; reason: KaspiCancellationReason; notes?: string }

/** The facts about a Kaspi order that decide what Kaspi would accept (from the kaspi_order record). */
export interface KaspiOrderFacts {
  status: string
  state: string
  delivery_mode: string | null
  is_kaspi_delivery: boolean
  assembled: boolean
  pre_order: boolean
  signature_required: boolean
}

/** A refusal says it twice: `reason` in English for the API, `code` + `params` for the admin (issue #19). */
export type ActionCheck = { ok: true } | { ok: false; reason: string; code: KaspiRefusalCode; params: KaspiTextParams }

const refuse = (code: KaspiRefusalCode, reason: string, params: KaspiTextParams = {}): ActionCheck => ({ ok: false, reason, code, params })
const ACTIVE = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
const CODE_LENGTH = /^\d{4,8}$/

/** The status as a plain string: a status the plugin does not know (or none) must not crash the rules. */
const statusOf = (o: KaspiOrderFacts): string => (typeof o.status === "string" && o.status ? o.status : "unknown")

/** A Kaspi Delivery or Postomat order: Kaspi's flag, or the Kaspi Delivery tab (API.md a.1, b). */
export function isKaspiDeliveryOrder(o: KaspiOrderFacts): boolean {
  return o.is_kaspi_delivery === true || o.state === "KASPI_DELIVERY"
}

/**
 * A pickup or merchant-delivery order, known positively: its tab (PICKUP / DELIVERY) or,
 * before acceptance, its delivery mode without Kaspi Delivery (API.md a.1: DELIVERY_PICKUP,
 * DELIVERY_LOCAL). An order the plugin cannot place is not one.
 */
export function isPickupOrOwnDelivery(o: KaspiOrderFacts): boolean {
  if (isKaspiDeliveryOrder(o)) return false
  return o.state === "PICKUP" || o.state === "DELIVERY" || o.delivery_mode === "DELIVERY_PICKUP" || o.delivery_mode === "DELIVERY_LOCAL"
}

/**
 * Whether Kaspi would take this action now, decided before anything is queued
 * or sent, so a refusal is a clear message and not a failed call (and never a
 * penalty). The rules are API.md a.11 (which status may follow which) and
 * a.12 (lines); each refusal says what Kaspi allows. A status the plugin does
 * not know allows nothing. Repeating what Kaspi already did (accept an accepted
 * order, cancel a cancelled one) is let through: Kaspi answers "already", which
 * counts as done.
 */
export function checkKaspiAction(o: KaspiOrderFacts, p: KaspiActionPayload, onTheWay: readonly string[] = []): ActionCheck {
  // A cancel still on its way to Kaspi (`onTheWay`: the order's pending or sending outbox actions) ends
  // the order once Kaspi takes it; anything asked meanwhile would reach an order Medusa is cancelling.
  if (p.action !== "cancel" && onTheWay.includes("cancel")) {
    return refuse("refusal.cancel_waiting", "a cancel of this order is waiting to be sent to Kaspi; nothing else can be asked until Kaspi has answered it")
  }
  const status = statusOf(o)
  switch (p.action) {
    case "accept":
      // API.md a.11: ACCEPTED_BY_MERCHANT only from APPROVED_BY_BANK.
      if (status === "ACCEPTED_BY_MERCHANT") return { ok: true }
      if (status !== "APPROVED_BY_BANK") {
        return refuse("refusal.accept_status", `Kaspi allows accepting (ACCEPTED_BY_MERCHANT) only an order waiting for acceptance (APPROVED_BY_BANK); this one is ${status}`, { status })
      }
      return { ok: true }
    case "cancel":
      // API.md a.11: CANCELLED from APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT, not after ASSEMBLE;
      // BUYER_NOT_REACHABLE only for pickup and merchant-delivery orders ([G-EN]).
      if (status === "CANCELLED" || status === "CANCELLING") return { ok: true }
      if (!ACTIVE.has(status)) {
        return refuse("refusal.cancel_status", `Kaspi allows cancelling (CANCELLED) only from APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT; this order is ${status}`, { status })
      }
      if (o.assembled) return refuse("refusal.cancel_assembled", "Kaspi does not allow cancelling after ASSEMBLE (the order is packed for Kaspi Delivery)")
      if (p.reason === "BUYER_NOT_REACHABLE" && !isPickupOrOwnDelivery(o)) {
        return refuse("refusal.cancel_reason_kaspi_delivery", "Kaspi allows the reason BUYER_NOT_REACHABLE only for pickup and your own delivery orders, not for Kaspi Delivery")
      }
      if (p.comment && p.comment.length > 1000) return refuse("refusal.cancel_comment_too_long", "Kaspi accepts a cancellation comment of at most 1000 characters", { max: 1000 })
      return { ok: true }
    case "send_code":
    case "complete":
      // API.md a.11: COMPLETED (both steps) only from ACCEPTED_BY_MERCHANT; Kaspi completes Kaspi Delivery itself (b).
      if (isKaspiDeliveryOrder(o)) {
        return refuse(
          "refusal.complete_kaspi_delivery",
          "Kaspi completes Kaspi Delivery and Postomat orders itself; COMPLETED with the buyer's code is only for pickup and your own delivery"
        )
      }
      if (status === "COMPLETED") return p.action === "complete" ? { ok: true } : refuse("refusal.already_completed", "the order is already completed on Kaspi; there is no code to send")
      if (status !== "ACCEPTED_BY_MERCHANT") return refuse("refusal.complete_status", `Kaspi allows completing (COMPLETED) only an accepted order (ACCEPTED_BY_MERCHANT); this one is ${status}`, { status })
      if (o.signature_required) return refuse("refusal.signature_required", "the buyer has not signed the credit documents yet; Kaspi refuses to complete until then")
      if (p.action === "complete" && !CODE_LENGTH.test(String(p.security_code ?? ""))) return refuse("refusal.code_format", "the buyer's code is 4–8 digits")
      return { ok: true }
    case "assemble":
      // API.md a.11: ASSEMBLE only for Kaspi Delivery orders in ACCEPTED_BY_MERCHANT (after it the status stays ACCEPTED_BY_MERCHANT).
      if (!isKaspiDeliveryOrder(o)) {
        return refuse("refusal.assemble_not_kaspi_delivery", "Kaspi allows ASSEMBLE only for Kaspi Delivery orders; hand pickup and own-delivery orders over with the buyer's code")
      }
      if (status !== "ACCEPTED_BY_MERCHANT") {
        return refuse("refusal.assemble_status", `Kaspi allows ASSEMBLE only for an accepted order (ACCEPTED_BY_MERCHANT); accept it first, it is ${status}`, { status })
      }
      if (o.assembled) return { ok: true }
      if (!Number.isInteger(p.number_of_space) || p.number_of_space < 1 || p.number_of_space > 100) {
        return refuse("refusal.assemble_packages", "the number of packages must be a whole number from 1 to 100", { min: 1, max: 100 })
      }
      return { ok: true }
    case "arrived":
      // API.md a.11: ARRIVED for pre-orders in ACCEPTED_BY_MERCHANT.
      if (!o.pre_order) return refuse("refusal.arrived_not_pre_order", "Kaspi allows ARRIVED only for pre-orders")
      if (status !== "ACCEPTED_BY_MERCHANT") return refuse("refusal.arrived_status", `Kaspi allows ARRIVED only for an accepted pre-order (ACCEPTED_BY_MERCHANT); this one is ${status}`, { status })
      return { ok: true }
    case "arrived_backward":
      // API.md a.11: ARRIVED_BACKWARD only from CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED
      // (not RETURN_ACCEPTED_BY_MERCHANT: the return is decided by then, API.md b).
      if (status !== "CANCELLING" && status !== "KASPI_DELIVERY_RETURN_REQUESTED") {
        return refuse(
          "refusal.arrived_backward_status",
          `Kaspi allows ARRIVED_BACKWARD only while the order is CANCELLING or KASPI_DELIVERY_RETURN_REQUESTED; this one is ${status}`,
          { status }
        )
      }
      return { ok: true }
    case "cancel_entry":
      // API.md a.12: lines of an active order, not after ASSEMBLE.
      if (!ACTIVE.has(status)) {
        return refuse(
          "refusal.cancel_entry_status",
          `Kaspi allows cancelling lines only of an order in APPROVED_BY_BANK or ACCEPTED_BY_MERCHANT; this one is ${status}`,
          { status }
        )
      }
      if (o.assembled) return refuse("refusal.cancel_entry_assembled", "Kaspi does not allow cancelling lines after ASSEMBLE")
      if (!Number.isInteger(p.remained_quantity) || p.remained_quantity < 0) return refuse("refusal.cancel_entry_quantity", "the quantity that stays must be a whole number ≥ 0")
      return { ok: true }
    default:
      return refuse("refusal.unknown_action", `unknown action ${String((p as { action?: unknown }).action)}`, { action: String((p as { action?: unknown }).action) })
  }
}

/**
 * The outbox key of an intent: an order is accepted, cancelled or assembled
 * once, whoever asks (the admin route and the order.canceled subscriber asking
 * for the same cancel get the same row); a completion is keyed by the code
 * tried; a line cut by the line and the quantity kept.
 *
 * Sending the code (completion step 1) is one row per click of the merchant
 * (each may text the buyer a code, API.md a.11): the caller's Idempotency-Key
 * names the click; without it a click is named by the last step-1 row already
 * answered for this order (`previousSendCode`, null for the first), so a
 * double submit or a retried route that arrives while the first request is on
 * its way finds the same key (one send), while a click after Kaspi answered
 * gets a new one.
 */
export function actionIdempotencyKey(
  accountId: string,
  kaspiId: string,
  p: KaspiActionPayload,
  requestKey?: string,
  previousSendCode?: string | null
): string {
  const base = `${accountId}:${kaspiId}:${p.action}`
  switch (p.action) {
    case "complete":
      return `${base}:${p.security_code}`
    case "cancel_entry":
      return `${base}:${p.entry_id}:${p.remained_quantity}`
    case "send_code":
      return requestKey ? `${base}:req:${requestKey}` : `${base}:after:${previousSendCode ?? "none"}`
    default:
      return base
  }
}

/** Outbox statuses after which a step-1 row is answered (nothing more will happen to it). */
export const SEND_CODE_SETTLED_STATUSES = ["sent", "failed", "dry_run"] as const

/** Retry delay after the n-th failed attempt: 5 s, 10 s, 20 s … capped at 15 minutes, with jitter. */
export function nextAttemptDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base / 2 + random() * (base / 2))
}
