import type { KaspiCancellationReason } from "../../modules/kaspi/client"

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

export type ActionCheck = { ok: true } | { ok: false; reason: string }

const refuse = (reason: string): ActionCheck => ({ ok: false, reason })
const ACTIVE = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])

/**
 * Whether Kaspi would take this action now, decided before anything is queued
 * or sent, so a refusal is a clear message and not a failed call (and never a
 * penalty). Mirrors the order state machine in API.md (b).
 */
export function checkKaspiAction(o: KaspiOrderFacts, p: KaspiActionPayload): ActionCheck {
  switch (p.action) {
    case "accept":
      if (o.status === "ACCEPTED_BY_MERCHANT") return { ok: true } // already there: sending it is harmless and counts as done
      if (o.status !== "APPROVED_BY_BANK") return refuse(`Kaspi accepts only orders waiting for acceptance; this one is ${o.status}`)
      return { ok: true }
    case "cancel":
      if (o.status === "CANCELLED" || o.status === "CANCELLING") return { ok: true }
      if (!ACTIVE.has(o.status)) return refuse(`an order that is ${o.status} can no longer be cancelled on Kaspi`)
      if (o.assembled) return refuse("Kaspi does not allow cancelling after ASSEMBLE (the order is packed for Kaspi Delivery)")
      if (p.reason === "BUYER_NOT_REACHABLE" && o.is_kaspi_delivery) {
        return refuse("BUYER_NOT_REACHABLE is allowed only for pickup and your own delivery, not for Kaspi Delivery")
      }
      if (p.comment && p.comment.length > 1000) return refuse("Kaspi accepts a cancellation comment of at most 1000 characters")
      return { ok: true }
    case "send_code":
    case "complete":
      if (o.status === "COMPLETED") return p.action === "complete" ? { ok: true } : refuse("the order is already completed")
      if (o.is_kaspi_delivery) return refuse("Kaspi completes Kaspi Delivery and Postomat orders itself; there is no code to send")
      if (o.status !== "ACCEPTED_BY_MERCHANT") return refuse(`only an accepted order can be completed; this one is ${o.status}`)
      if (o.signature_required) return refuse("the buyer has not signed the credit documents yet; Kaspi refuses to complete until then")
      if (p.action === "complete" && !/^\d{4,8}$/.test(p.security_code)) return refuse("the buyer's code is 4–8 digits")
      return { ok: true }
    case "assemble":
      if (!o.is_kaspi_delivery) return refuse("only Kaspi Delivery orders are assembled; hand pickup and own-delivery orders over with the buyer's code")
      if (o.assembled) return { ok: true }
      if (o.status !== "ACCEPTED_BY_MERCHANT") return refuse(`accept the order before assembling it; it is ${o.status}`)
      if (!Number.isInteger(p.number_of_space) || p.number_of_space < 1 || p.number_of_space > 100) {
        return refuse("the number of packages must be a whole number from 1 to 100")
      }
      return { ok: true }
    case "arrived":
      if (!o.pre_order) return refuse("ARRIVED is only for pre-orders")
      if (o.status !== "ACCEPTED_BY_MERCHANT") return refuse(`only an accepted pre-order can arrive; this one is ${o.status}`)
      return { ok: true }
    case "arrived_backward":
      if (!["CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT"].includes(o.status)) {
        return refuse(`goods come back only for an order being cancelled or returned; this one is ${o.status}`)
      }
      return { ok: true }
    case "cancel_entry":
      if (!ACTIVE.has(o.status)) return refuse(`lines of an order that is ${o.status} can no longer be cancelled`)
      if (o.assembled) return refuse("Kaspi does not allow cancelling lines after ASSEMBLE")
      if (!Number.isInteger(p.remained_quantity) || p.remained_quantity < 0) return refuse("the quantity that stays must be a whole number ≥ 0")
      return { ok: true }
  }
}

/**
 * The outbox key that makes a retried request the same action: an order is
 * accepted, cancelled or assembled once; a completion is keyed by the code tried.
 * Sending the code again is a new action unless the caller gives a key.
 */
export function actionIdempotencyKey(accountId: string, kaspiId: string, p: KaspiActionPayload, requestKey?: string): string {
  const base = `${accountId}:${kaspiId}:${p.action}`
  if (requestKey) return `${base}:req:${requestKey}`
  switch (p.action) {
    case "complete":
      return `${base}:${p.security_code}`
    case "cancel_entry":
      return `${base}:${p.entry_id}:${p.remained_quantity}`
    case "send_code":
      return `${base}:${Date.now()}`
    default:
      return base
  }
}

/** Retry delay after the n-th failed attempt: 5 s, 10 s, 20 s … capped at 15 minutes, with jitter. */
export function nextAttemptDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1))
  return Math.round(base / 2 + random() * (base / 2))
}
