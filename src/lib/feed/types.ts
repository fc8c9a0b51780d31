import type { KaspiText } from "../../types/kaspi-texts"
/**
 * Shapes shared by the feed pipeline. Everything here is plain data: the pure
 * functions (map, validate, render, diff, guard) take and return these, and
 * only read-catalog.ts / generate-feed.ts / feed-store.ts touch I/O.
 */

/** One KZT price candidate of a variant, as read from Medusa's pricing tables. */
export interface PriceCandidate {
  /** Major units (tenge); may be fractional in Medusa. */
  amount: number
  /** null: not part of a price list (the base or a region price). */
  price_list_id: string | null
  /** The `region_id` price rule, when the price has one. */
  region_id: string | null
}

/** Sellable quantity of a variant at one stock location, before the store buffer. */
export interface LocationStock {
  location_id: string
  /** stocked − reserved, divided by required_quantity for multi-item variants; may be negative or fractional. */
  quantity: number
}

/** One Medusa variant with what the feed needs, read in one page of the catalog. */
export interface CatalogVariantRow {
  variant_id: string
  sku: string | null
  variant_title: string | null
  variant_metadata: Record<string, unknown> | null
  manage_inventory: boolean
  product_id: string
  product_title: string | null
  product_subtitle: string | null
  product_metadata: Record<string, unknown> | null
  product_type: string | null
  collection_title: string | null
  /** Only locations that a Kaspi store maps to; a mapped location with no level is simply absent. */
  stock: LocationStock[]
  prices: PriceCandidate[]
}

/** A Kaspi point of sale as the feed uses it (from kaspi_store_mapping). */
export interface StoreMapping {
  store_id: string
  stock_location_id: string
  stock_buffer: number
  pre_order_days: number | null
}

export interface FeedAvailability {
  storeId: string
  available: "yes" | "no"
  /** Omitted when stock counts are off or the variant does not manage inventory. */
  stockCount?: number
  /** Omitted when pre-order is off. */
  preOrder?: number
}

export interface FeedCityPrice {
  cityId: string
  price: number
}

/** One <offer> of kaspi_catalog, before validation. */
export interface FeedOffer {
  sku: string
  model: string
  brand?: string
  availabilities: FeedAvailability[]
  price?: number
  cityprices?: FeedCityPrice[]
  /** Where the offer came from, for reports (never written to the XML). */
  variant_id: string
  product_id: string
}

export type FeedIssueCode =
  | "excluded"
  | "missing_sku"
  | "duplicate_sku"
  | "sku_too_long"
  | "sku_invalid_chars"
  | "empty_model"
  | "missing_price"
  | "invalid_price"
  | "price_and_cityprices"
  | "missing_city_price"
  | "invalid_pre_order"
  | "unknown_store"
  | "no_availability"
  | "invalid_stock"

export type FeedWarningCode =
  | "missing_brand"
  | "negative_stock"
  | "fractional_stock"
  | "invalid_characters_removed"
  | "city_price_fallback"

/** Why an offer was left out of the feed. */
export interface FeedIssue {
  code: FeedIssueCode
  variant_id: string
  product_id?: string
  sku: string | null
  message: string
  /** The sentence as a code and parameters for the admin's language (issue #19); `message` stays English. */
  text?: KaspiText
}

/** Something worth knowing about an offer that is still published. */
export interface FeedWarning {
  code: FeedWarningCode
  variant_id: string
  sku: string | null
  message: string
  /** The sentence as a code and parameters for the admin's language (issue #19); `message` stays English. */
  text?: KaspiText
}
