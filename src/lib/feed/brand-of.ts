import type { FeedSettings } from "./settings"
import type { CatalogVariantRow } from "./types"

/**
 * A product's brand as the merchant set its source in the feed settings
 * (brand_source, brand_value): shared by the price-list feed and Kaspi cards,
 * so a product carries one brand on Kaspi whichever way it got there.
 */
export function brandOf(
  row: Pick<CatalogVariantRow, "product_metadata" | "product_type" | "collection_title">,
  s: Pick<FeedSettings, "brand_source" | "brand_value">
): string {
  switch (s.brand_source) {
    case "metadata": {
      const v = row.product_metadata?.[s.brand_value]
      return typeof v === "string" || typeof v === "number" ? String(v) : ""
    }
    case "type":
      return row.product_type ?? ""
    case "collection":
      return row.collection_title ?? ""
    case "fixed":
      return s.brand_value
    default:
      return ""
  }
}
