import type { FeedSettings } from "./settings"
import type { PriceCandidate } from "./types"

type PriceSourceSettings = Pick<FeedSettings, "price_source" | "price_region_id" | "price_list_id">
type PriceRuleSettings = Pick<FeedSettings, "price_markup_percent" | "price_fixed_add" | "price_rounding" | "price_rounding_mode">

/** The variant's plain KZT price: no price list, no rules. */
export function basePrice(prices: PriceCandidate[]): number | undefined {
  return prices.find((p) => p.price_list_id === null && p.region_id === null)?.amount
}

/** The KZT price of a region (a `region_id` price rule), else the base price — Medusa's own fallback. */
export function regionPrice(prices: PriceCandidate[], regionId: string): number | undefined {
  return prices.find((p) => p.price_list_id === null && p.region_id === regionId)?.amount ?? basePrice(prices)
}

/** The KZT price in a price list (its region-less price first), else undefined. */
export function priceListPrice(prices: PriceCandidate[], priceListId: string, regionId?: string | null): number | undefined {
  const inList = prices.filter((p) => p.price_list_id === priceListId)
  return (
    (regionId ? inList.find((p) => p.region_id === regionId)?.amount : undefined) ??
    inList.find((p) => p.region_id === null)?.amount
  )
}

/**
 * The main price before the rule, per settings.price_source. A price-list source
 * falls back to the region/base price so that a product missing from the list is
 * still sold at its normal price (Medusa's storefront does the same).
 */
export function pickMainPrice(prices: PriceCandidate[], s: PriceSourceSettings): number | undefined {
  switch (s.price_source) {
    case "region":
      return regionPrice(prices, s.price_region_id ?? "")
    case "price_list":
      return priceListPrice(prices, s.price_list_id ?? "") ?? basePrice(prices)
    default:
      return basePrice(prices)
  }
}

/** A city's price before the rule: its price list, else its region, else undefined (caller falls back to the main price). */
export function pickCityPrice(
  prices: PriceCandidate[],
  city: { price_list_id?: string; region_id?: string }
): number | undefined {
  if (city.price_list_id) {
    const p = priceListPrice(prices, city.price_list_id, city.region_id)
    if (p !== undefined) return p
  }
  if (city.region_id) {
    return prices.find((p) => p.price_list_id === null && p.region_id === city.region_id)?.amount
  }
  return undefined
}

/**
 * markup % then fixed add, then rounding to a step of 1/10/100 tenge. The
 * result is what Kaspi gets; validate-offer.ts still checks it is an integer > 0.
 */
export function applyPriceRule(amount: number, r: PriceRuleSettings): number {
  let x = amount * (1 + r.price_markup_percent / 100) + r.price_fixed_add
  // Cut binary noise (1000 * 1.1 = 1100.0000000000002) before ceil/floor see it.
  x = Math.round(x * 1e6) / 1e6
  const step = r.price_rounding
  const q = x / step
  const n = r.price_rounding_mode === "up" ? Math.ceil(q) : r.price_rounding_mode === "down" ? Math.floor(q) : Math.round(q)
  return n * step
}
