// Pure rules for partial cancellation of order lines (API.md a.12): what a request may do to
// one entry, and how the line is recalculated.

import { entryTotal, isWeighted } from "./order-factory"
import { isActive, MERCHANT_CANCELLATION_REASONS } from "./state-machine"
import type { KaspiOrderStatus, SandboxEntry } from "./types"

export const UNDERWEIGHT = "PRODUCT_UNDERWEIGHT"

export interface EntryCancelRequest {
  remainedQuantity?: unknown
  remainedWeight?: unknown
  reason?: unknown
}

export type EntryCancelPlan =
  | { remove: true }
  | { remove: false; quantity: number; weight: number; totalPrice: number }

export type EntryCancelDecision = { ok: true; plan: EntryCancelPlan; reason: string } | { ok: false; title: string; detail?: string }

export const ENTRY_CANCEL_TITLES = {
  orderNotActive: "Order entries can't be cancelled in the current order status",
  orderAssembled: "Order has been assembled, so its entries can't be cancelled.",
  reasonRequired: "reason is required",
  reasonNotAllowed: "Cancellation reason is not allowed",
  quantityRequired: "remainedQuantity is required",
  quantityNotInteger: "remainedQuantity must be an integer",
  quantityNegative: "remainedQuantity must not be negative",
  quantityTooLarge: "remainedQuantity must be less than the current quantity",
  lastEntry: "The last entry of an order can't be cancelled; cancel the whole order instead",
  underweightNotWeighted: "PRODUCT_UNDERWEIGHT is allowed only for goods sold by weight",
  weightRequired: "remainedWeight (grams) is required for PRODUCT_UNDERWEIGHT",
  weightInvalid: "remainedWeight must be greater than 0 and less than the current weight",
  underweightQuantity: "remainedQuantity must be between 1 and the current quantity for PRODUCT_UNDERWEIGHT",
} as const

function toNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v)
  return null
}

export function checkOrderAllowsEntryCancel(
  status: KaspiOrderStatus,
  assembled: boolean
): { ok: true } | { ok: false; title: string; detail?: string } {
  if (!isActive(status)) return { ok: false, title: ENTRY_CANCEL_TITLES.orderNotActive, detail: `Order status is ${status}` }
  if (assembled) return { ok: false, title: ENTRY_CANCEL_TITLES.orderAssembled }
  return { ok: true }
}

export function planEntryCancel(
  entry: SandboxEntry,
  req: EntryCancelRequest,
  options: { allowUnderweight: boolean }
): EntryCancelDecision {
  if (req.reason === undefined || req.reason === null || req.reason === "") return { ok: false, title: ENTRY_CANCEL_TITLES.reasonRequired }
  const reason = String(req.reason)
  const allowed: string[] = [...MERCHANT_CANCELLATION_REASONS, ...(options.allowUnderweight ? [UNDERWEIGHT] : [])]
  if (!allowed.includes(reason)) {
    return { ok: false, title: ENTRY_CANCEL_TITLES.reasonNotAllowed, detail: `Unknown reason "${reason}"; use one of ${allowed.join(", ")}` }
  }

  if (reason === UNDERWEIGHT) {
    if (!isWeighted(entry.unitType)) return { ok: false, title: ENTRY_CANCEL_TITLES.underweightNotWeighted }
    const w = toNumber(req.remainedWeight)
    if (w === null) return { ok: false, title: ENTRY_CANCEL_TITLES.weightRequired }
    if (w <= 0 || w >= entry.weight) {
      return { ok: false, title: ENTRY_CANCEL_TITLES.weightInvalid, detail: `Current weight is ${entry.weight} g` }
    }
    let quantity = entry.quantity
    if (req.remainedQuantity !== undefined && req.remainedQuantity !== null) {
      const q = toNumber(req.remainedQuantity)
      if (q === null || !Number.isInteger(q) || q < 1 || q > entry.quantity) {
        return { ok: false, title: ENTRY_CANCEL_TITLES.underweightQuantity }
      }
      quantity = q
    }
    return { ok: true, reason, plan: { remove: false, quantity, weight: w, totalPrice: entryTotal(entry.unitType, entry.basePrice, quantity, w) } }
  }

  if (req.remainedQuantity === undefined || req.remainedQuantity === null || req.remainedQuantity === "") {
    return { ok: false, title: ENTRY_CANCEL_TITLES.quantityRequired }
  }
  const q = toNumber(req.remainedQuantity)
  if (q === null || !Number.isInteger(q)) return { ok: false, title: ENTRY_CANCEL_TITLES.quantityNotInteger }
  if (q < 0) return { ok: false, title: ENTRY_CANCEL_TITLES.quantityNegative }
  if (q >= entry.quantity) {
    return { ok: false, title: ENTRY_CANCEL_TITLES.quantityTooLarge, detail: `Current quantity is ${entry.quantity}` }
  }
  if (q === 0) return { ok: true, reason, plan: { remove: true } }
  const weight = isWeighted(entry.unitType) ? Math.round((entry.weight * q) / entry.quantity) : entry.weight
  return { ok: true, reason, plan: { remove: false, quantity: q, weight, totalPrice: entryTotal(entry.unitType, entry.basePrice, q, weight) } }
}
