// The shapes Kaspi is known or likely to send besides the tidy guide examples: plain
// point-of-service ids, nulls in optional fields. Each order gets its variants once, from its
// code, so the same seed always gives the same mix and seeded data always contains every form.

import { encodeId } from "./ids"
import { hashString, mixSeed } from "./prng"
import type { OrderVariants } from "./types"

/** One independent draw in [0, 1) per (code, purpose); no PRNG stream is consumed. */
function draw(code: string, purpose: number): number {
  return mixSeed(hashString(code), purpose) / 4294967296
}

export function variantsFor(code: string, entryNumbers: readonly number[]): OrderVariants {
  const origin = draw(code, 3)
  return {
    // API.md a.0 (ids row), a.4, a.8: base64("<merchant>_<store>") in the guide, plain "16483752_PP1"
    // in a real 2026 entries response. Half and half: a client must take either.
    pointOfServiceId: Number(code) % 2 === 0 ? "base64" : "plain",
    // API.md appendix: customer.id is optional.
    nullCustomerId: draw(code, 2) < 0.2,
    // API.md a.1: originAddress is M-confidence ([G-EN], [RK]); appendix: optional, id inside it too.
    originAddress: origin < 0.2 ? "absent" : origin < 0.4 ? "nullId" : "full",
    // API.md appendix: plannedDeliveryDate / reservationDate / deliveryAddress are `|null`.
    explicitNulls: draw(code, 4) < 0.5,
    // API.md a.1 deliveryAddress: "nulls common".
    sparseDeliveryAddress: draw(code, 5) < 0.2,
    // API.md a.4 / appendix: category and offer.name are optional on entries.
    nullCategory: entryNumbers.filter((n) => draw(`${code}##${n}`, 6) < 0.15),
    nullOfferName: entryNumbers.filter((n) => draw(`${code}##${n}`, 7) < 0.1),
  }
}

/** Checks addOrder({variants}) overrides; returns an error message or null. */
export function variantsProblem(v: unknown): string | null {
  if (v === undefined) return null
  if (!v || typeof v !== "object" || Array.isArray(v)) return "variants must be an object"
  const o = v as Record<string, unknown>
  const known = ["pointOfServiceId", "nullCustomerId", "originAddress", "explicitNulls", "sparseDeliveryAddress", "nullCategory", "nullOfferName"]
  const unknown = Object.keys(o).find((k) => !known.includes(k))
  if (unknown) return `variants: unknown key ${unknown}; use ${known.join(", ")}`
  if (o.pointOfServiceId !== undefined && o.pointOfServiceId !== "base64" && o.pointOfServiceId !== "plain") return 'variants.pointOfServiceId must be "base64" or "plain"'
  if (o.originAddress !== undefined && !["full", "nullId", "absent"].includes(o.originAddress as string)) return 'variants.originAddress must be "full", "nullId" or "absent"'
  for (const k of ["nullCustomerId", "explicitNulls", "sparseDeliveryAddress"]) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") return `variants.${k} must be true or false`
  }
  for (const k of ["nullCategory", "nullOfferName"]) {
    const a = o[k]
    if (a !== undefined && (!Array.isArray(a) || a.some((n) => !Number.isInteger(n) || (n as number) < 0))) return `variants.${k} must be an array of entry numbers`
  }
  return null
}

/** A point-of-service id in the given form. */
export function pointOfServiceIdIn(form: OrderVariants["pointOfServiceId"], merchantId: string, storeId: string): string {
  const raw = `${merchantId}_${storeId}`
  return form === "plain" ? raw : encodeId(raw)
}

/** Every variant off: the uniform guide-example shape (for tests that pin exact shapes). */
export const GUIDE_EXAMPLE_VARIANTS: OrderVariants = {
  pointOfServiceId: "base64",
  nullCustomerId: false,
  originAddress: "full",
  explicitNulls: false,
  sparseDeliveryAddress: false,
  nullCategory: [],
  nullOfferName: [],
}
