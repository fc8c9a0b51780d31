import { applyPriceRule, pickCityPrice, pickMainPrice } from "./price-rule"
import { renderModel } from "./model-template"
import { brandOf } from "./brand-of"
import type { FeedSettings } from "./settings"
import { hasInvalidXmlChars, stripInvalidXmlChars } from "./xml-escape"
import type { CatalogVariantRow, FeedAvailability, FeedOffer, FeedWarning, StoreMapping } from "./types"

/** Variant/product metadata keys the feed reads (documented in docs/feed.md). */
export const META = {
  /** true on the variant or its product: leave it out of the Kaspi feed. */
  exclude: "kaspi_exclude",
  /** SKU to publish instead of the variant's Medusa SKU. */
  sku: "kaspi_sku",
  /** Pre-order days (0–30) for this variant, overriding the store default. */
  preOrderDays: "kaspi_pre_order_days",
} as const

export interface MapContext {
  settings: FeedSettings
  stores: StoreMapping[]
}

export type MapResult =
  | { kind: "offer"; offer: FeedOffer; warnings: FeedWarning[] }
  | { kind: "excluded"; reason: string }

function isTrue(v: unknown): boolean {
  return v === true || v === "true" || v === 1 || v === "1"
}

/** The variant's pre-order override, as given (validation checks the range). */
function variantPreOrder(row: CatalogVariantRow): number | undefined {
  const v = row.variant_metadata?.[META.preOrderDays]
  if (v === undefined || v === null || v === "") return undefined
  const n = typeof v === "number" ? v : Number(v)
  return Number.isNaN(n) ? -1 : n
}

/**
 * Medusa variant row → Kaspi offer. Pure: no I/O, no clock. It never rejects an
 * offer for breaking Kaspi's rules (validate-offer.ts does, so the reason is
 * reported the same way for every rule); it only leaves out variants the owner
 * opted out, and records warnings for things it had to fix up.
 *
 * Stock per store: stocked − reserved (per location, already divided by the
 * inventory item's required quantity) − the store's buffer, floored to a whole
 * number and at 0. With no stock the point is `available="no"`, unless it has
 * pre-order days (variant metadata, else the store default), in which case it
 * stays available as a pre-order of that many days.
 */
export function mapVariantToOffer(row: CatalogVariantRow, ctx: MapContext): MapResult {
  const s = ctx.settings
  if (isTrue(row.variant_metadata?.[META.exclude])) return { kind: "excluded", reason: `variant metadata ${META.exclude}` }
  if (isTrue(row.product_metadata?.[META.exclude])) return { kind: "excluded", reason: `product metadata ${META.exclude}` }

  const warnings: FeedWarning[] = []
  const overrideSku = row.variant_metadata?.[META.sku]
  const sku = (typeof overrideSku === "string" && overrideSku.trim() ? overrideSku : row.sku ?? "").trim()
  const warn = (code: FeedWarning["code"], message: string) =>
    warnings.push({ code, variant_id: row.variant_id, sku: sku || null, message })

  const rawBrand = brandOf(row, s)
  const rawModel = renderModel(s.model_template, row, { sku, brand: rawBrand })
  let model = rawModel
  let brand = rawBrand.trim()
  if (hasInvalidXmlChars(rawModel) || hasInvalidXmlChars(rawBrand)) {
    warn("invalid_characters_removed", "control or other non-XML characters were removed from the model or brand")
    model = stripInvalidXmlChars(rawModel).replace(/\s+/g, " ").trim()
    brand = stripInvalidXmlChars(rawBrand).replace(/\s+/g, " ").trim()
  }
  if (!brand && s.brand_source !== "none") warn("missing_brand", "no brand: Kaspi may not match the offer to a product card")

  const variantDays = variantPreOrder(row)
  const byLocation = new Map<string, number>()
  for (const st of row.stock) byLocation.set(st.location_id, st.quantity)

  const availabilities: FeedAvailability[] = ctx.stores.map((store) => {
    const days = variantDays ?? store.pre_order_days ?? 0
    if (!row.manage_inventory) {
      // Medusa sells such variants without limit: available everywhere, stock unknown.
      return {
        storeId: store.store_id,
        available: "yes",
        ...(s.include_pre_order ? { preOrder: 0 } : {}),
      }
    }
    const raw = byLocation.get(store.stock_location_id) ?? 0
    if (raw < 0) warn("negative_stock", `negative stock (${raw}) at ${store.store_id} published as 0`)
    else if (!Number.isInteger(raw)) warn("fractional_stock", `fractional stock (${raw}) at ${store.store_id} rounded down`)
    const qty = Math.max(0, Math.floor(raw) - Math.max(0, store.stock_buffer || 0))
    const preOrder = s.include_pre_order && qty === 0 ? days : 0
    const a: FeedAvailability = { storeId: store.store_id, available: qty > 0 || preOrder !== 0 ? "yes" : "no" }
    if (s.include_stock_count) a.stockCount = qty
    if (s.include_pre_order) a.preOrder = preOrder
    return a
  })

  const offer: FeedOffer = {
    sku,
    model,
    ...(brand ? { brand } : {}),
    availabilities,
    variant_id: row.variant_id,
    product_id: row.product_id,
  }

  const main = pickMainPrice(row.prices, s)
  if (s.city_prices.length) {
    offer.cityprices = []
    for (const city of s.city_prices) {
      let amount = pickCityPrice(row.prices, city)
      if (amount === undefined && main !== undefined) {
        if (city.price_list_id || city.region_id) warn("city_price_fallback", `no price for city ${city.city_id}: main price used`)
        amount = main
      }
      if (amount !== undefined) offer.cityprices.push({ cityId: city.city_id, price: applyPriceRule(amount, s) })
    }
  } else if (main !== undefined) {
    offer.price = applyPriceRule(main, s)
  }
  return { kind: "offer", offer, warnings }
}
