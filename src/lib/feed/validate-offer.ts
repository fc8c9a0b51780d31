import type { FeedIssue, FeedIssueCode, FeedOffer } from "./types"
import type { KaspiFeedCode, KaspiTextParams } from "../../types/kaspi-texts"

/**
 * Characters allowed in a published SKU. Kaspi's documentation says "Latin
 * letters and digits", but SKUs in real feeds and Kaspi's own exports also
 * carry `-`, `_`, `.`, `(`, `)` and `/`; anything else (spaces, Cyrillic,
 * quotes, `&`, `<`…) is refused so that order entries can be matched back.
 */
export const SKU_ALLOWED = /^[A-Za-z0-9_\-.()/]+$/

/** Kaspi's ST_price is xs:unsignedLong; we stay within exact JS integers. */
export const MAX_PRICE = Number.MAX_SAFE_INTEGER
export const MAX_PRE_ORDER_DAYS = 30

export interface ValidateContext {
  skuMaxLength: number
  /** storeIds of the account's kaspi_store_mapping rows. */
  knownStoreIds: ReadonlySet<string>
  /** SKUs already accepted in this build (mutated: a valid offer's SKU is added). */
  seenSkus: Set<string>
}

export type ValidationResult = { ok: true } | { ok: false; issue: FeedIssue }

/** `said` names the sentence (one FeedIssueCode can have several, e.g. a bad price or a city twice) for the admin. */
const fail = (offer: FeedOffer, code: FeedIssueCode, message: string, said: KaspiFeedCode, params: KaspiTextParams = {}): ValidationResult => ({
  ok: false,
  issue: {
    code,
    variant_id: offer.variant_id,
    product_id: offer.product_id,
    sku: offer.sku || null,
    message,
    text: { code: said, params: { sku: offer.sku || null, ...params } },
  },
})

function isValidPrice(p: unknown): p is number {
  return typeof p === "number" && Number.isInteger(p) && p > 0 && p <= MAX_PRICE
}

/**
 * Offer → valid, or the first Kaspi rule it breaks. Rules (API.md §c):
 * SKU present, unique in the feed, allowed characters, not longer than the
 * configured limit; model not empty; `price` xor `cityprices`, every price a
 * whole number of tenge > 0; at least one availability, each for a known
 * storeId, stockCount a whole number ≥ 0, preOrder 0–30. Text escaping is the
 * writer's job and always succeeds (invalid XML characters are removed by the
 * mapper, which warns).
 *
 * A duplicate SKU keeps the first offer (the catalog is read in variant-id
 * order and Medusa ids are time-ordered, so the older variant keeps the SKU,
 * stably between builds) and reports the others.
 */
export function validateOffer(offer: FeedOffer, ctx: ValidateContext): ValidationResult {
  const sku = offer.sku
  if (!sku) return fail(offer, "missing_sku", "the variant has no SKU", "feed.offer_skipped.missing_sku")
  if (sku.length > ctx.skuMaxLength) {
    return fail(
      offer,
      "sku_too_long",
      `SKU is ${sku.length} characters, over the limit of ${ctx.skuMaxLength} (setting sku_max_length). ` +
        "Kaspi's documentation says 20, but real feeds carry longer SKUs: raise the limit if Kaspi accepts yours",
      "feed.offer_skipped.sku_too_long",
      { length: sku.length, max: ctx.skuMaxLength }
    )
  }
  if (!SKU_ALLOWED.test(sku)) {
    return fail(offer, "sku_invalid_chars", "SKU may only contain Latin letters, digits and - _ . ( ) /", "feed.offer_skipped.sku_invalid_chars")
  }
  if (ctx.seenSkus.has(sku)) {
    return fail(offer, "duplicate_sku", `SKU "${sku}" is already used by another offer in this feed`, "feed.offer_skipped.duplicate_sku")
  }
  if (!offer.model.trim()) {
    return fail(offer, "empty_model", "the model name is empty (check model_template and the product title)", "feed.offer_skipped.empty_model")
  }

  const hasPrice = offer.price !== undefined
  const hasCity = offer.cityprices !== undefined && offer.cityprices.length > 0
  if (hasPrice && hasCity) {
    return fail(offer, "price_and_cityprices", "an offer has either a price or city prices, not both", "feed.offer_skipped.price_and_cityprices")
  }
  if (!hasPrice && !hasCity) {
    return fail(offer, "missing_price", "no KZT price for the configured price source", "feed.offer_skipped.missing_price")
  }
  if (hasPrice && !isValidPrice(offer.price)) {
    return fail(offer, "invalid_price", `price ${offer.price} is not a whole number of tenge above 0`, "feed.offer_skipped.invalid_price", {
      price: String(offer.price),
    })
  }
  if (hasCity) {
    const seenCities = new Set<string>()
    for (const c of offer.cityprices!) {
      if (!isValidPrice(c.price)) {
        return fail(offer, "invalid_price", `price ${c.price} for city ${c.cityId} is not a whole number of tenge above 0`, "feed.offer_skipped.invalid_city_price", {
          price: String(c.price),
          city: c.cityId,
        })
      }
      if (seenCities.has(c.cityId)) {
        return fail(offer, "invalid_price", `city ${c.cityId} has two prices`, "feed.offer_skipped.duplicate_city", { city: c.cityId })
      }
      seenCities.add(c.cityId)
    }
  }

  if (!offer.availabilities.length) {
    return fail(offer, "no_availability", "no Kaspi store is mapped, so the offer has no availability", "feed.offer_skipped.no_availability")
  }
  const seenStores = new Set<string>()
  for (const a of offer.availabilities) {
    if (!a.storeId || !ctx.knownStoreIds.has(a.storeId)) {
      return fail(offer, "unknown_store", `storeId "${a.storeId}" is not mapped for this account`, "feed.offer_skipped.unknown_store", { store: a.storeId })
    }
    if (seenStores.has(a.storeId)) {
      return fail(offer, "unknown_store", `storeId "${a.storeId}" appears twice`, "feed.offer_skipped.duplicate_store", { store: a.storeId })
    }
    seenStores.add(a.storeId)
    if (a.stockCount !== undefined && !(Number.isInteger(a.stockCount) && a.stockCount >= 0)) {
      return fail(offer, "invalid_stock", `stockCount ${a.stockCount} at ${a.storeId} is not a whole number ≥ 0`, "feed.offer_skipped.invalid_stock", {
        stock: String(a.stockCount),
        store: a.storeId,
      })
    }
    if (a.preOrder !== undefined && !(Number.isInteger(a.preOrder) && a.preOrder >= 0 && a.preOrder <= MAX_PRE_ORDER_DAYS)) {
      return fail(
        offer,
        "invalid_pre_order",
        `preOrder ${a.preOrder} at ${a.storeId} is outside 0–${MAX_PRE_ORDER_DAYS} days`,
        "feed.offer_skipped.invalid_pre_order",
        { days: String(a.preOrder), store: a.storeId, max: MAX_PRE_ORDER_DAYS }
      )
    }
  }

  ctx.seenSkus.add(sku)
  return { ok: true }
}
