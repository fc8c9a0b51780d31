import { z } from "@medusajs/framework/zod"

/**
 * Per-account feed settings, stored as one JSON column on kaspi_feed_config
 * and edited through POST /admin/kaspi/feed/:accountId/config. Flat on purpose:
 * a partial update is a shallow merge, and every key has a default, so a new
 * account works with `{}`.
 */
export const DEFAULT_SKU_MAX_LENGTH = 20
export const DEFAULT_INTERVAL_MINUTES = 15
export const DEFAULT_MAX_REMOVED_SHARE = 0.2
export const DEFAULT_MODEL_TEMPLATE = "{product.title} {variant.title}"

const id = z.string().trim().min(1).max(200)

export const cityPriceSchema = z
  .object({
    /** Kaspi city code, e.g. 750000000 (Almaty). */
    city_id: z.string().regex(/^\d{1,12}$/, "must be a Kaspi city code (digits), e.g. 750000000"),
    /** KZT prices of this price list are the city's price … */
    price_list_id: id.optional(),
    /** … else the KZT price of this region … */
    region_id: id.optional(),
    // … else the offer's main price.
  })
  .strict()

const settingsShape = {
  company_name: z.string().trim().min(1).max(255).nullable(),
  merchant_id: z.string().trim().min(1).max(64).nullable(),

  // Publication filters. Empty list = no filter on that axis.
  sales_channel_ids: z.array(id).max(100),
  product_tag_ids: z.array(id).max(500),
  collection_ids: z.array(id).max(500),
  category_ids: z.array(id).max(500),
  include_category_descendants: z.boolean(),

  // Price source and rule.
  price_source: z.enum(["base", "region", "price_list"]),
  price_region_id: id.nullable(),
  price_list_id: id.nullable(),
  price_markup_percent: z.number().min(-90).max(1000),
  price_fixed_add: z.number().int().min(-10_000_000).max(10_000_000),
  price_rounding: z.union([z.literal(1), z.literal(10), z.literal(100)]),
  price_rounding_mode: z.enum(["nearest", "up", "down"]),
  city_prices: z.array(cityPriceSchema).max(50),

  // Texts.
  brand_source: z.enum(["metadata", "type", "collection", "fixed", "none"]),
  /** Metadata key (brand_source "metadata") or the brand itself ("fixed"). */
  brand_value: z.string().trim().max(255),
  model_template: z.string().trim().min(1).max(500),

  // Kaspi rules whose exact values Kaspi does not publish.
  sku_max_length: z.number().int().min(1).max(255),
  include_stock_count: z.boolean(),
  include_pre_order: z.boolean(),

  // Schedule and guards.
  interval_minutes: z.number().int().min(1).max(1440),
  max_removed_share: z.number().min(0).max(1),
  history_size: z.number().int().min(5).max(1000),
}

export const feedSettingsSchema = z.object(settingsShape).strict()
export type FeedSettings = z.infer<typeof feedSettingsSchema>

export const DEFAULT_FEED_SETTINGS: FeedSettings = {
  company_name: null,
  merchant_id: null,
  sales_channel_ids: [],
  product_tag_ids: [],
  collection_ids: [],
  category_ids: [],
  include_category_descendants: true,
  price_source: "base",
  price_region_id: null,
  price_list_id: null,
  price_markup_percent: 0,
  price_fixed_add: 0,
  price_rounding: 1,
  price_rounding_mode: "nearest",
  city_prices: [],
  brand_source: "metadata",
  brand_value: "brand",
  model_template: DEFAULT_MODEL_TEMPLATE,
  sku_max_length: DEFAULT_SKU_MAX_LENGTH,
  include_stock_count: true,
  include_pre_order: true,
  interval_minutes: DEFAULT_INTERVAL_MINUTES,
  max_removed_share: DEFAULT_MAX_REMOVED_SHARE,
  history_size: 50,
}

/** Body of a settings update: any subset of the keys (plus `enabled`). */
export const feedSettingsPatchSchema = z
  .object({ ...settingsShape, enabled: z.boolean() })
  .partial()
  .strict()
export type FeedSettingsPatch = z.infer<typeof feedSettingsPatchSchema>

/** Cross-field rules: checked after merging a patch into the stored settings. */
export function settingsProblems(s: FeedSettings): string[] {
  const out: string[] = []
  if (s.price_source === "region" && !s.price_region_id) out.push("price_region_id is required when price_source is \"region\"")
  if (s.price_source === "price_list" && !s.price_list_id) out.push("price_list_id is required when price_source is \"price_list\"")
  if (s.brand_source === "metadata" && !s.brand_value) out.push("brand_value must name the product metadata key when brand_source is \"metadata\"")
  if (s.brand_source === "fixed" && !s.brand_value) out.push("brand_value must hold the brand when brand_source is \"fixed\"")
  const cities = new Set<string>()
  for (const c of s.city_prices) {
    if (cities.has(c.city_id)) out.push(`city_prices: city ${c.city_id} is listed twice`)
    cities.add(c.city_id)
  }
  return out
}

/** Stored JSON (possibly from an older version, possibly partial) → full settings. Unknown keys are dropped. */
export function resolveFeedSettings(stored: unknown): FeedSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_FEED_SETTINGS }
  if (stored && typeof stored === "object") {
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      if (k in settingsShape && v !== undefined) merged[k] = v
    }
  }
  const parsed = feedSettingsSchema.safeParse(merged)
  if (parsed.success) return parsed.data
  // A stored value that no longer validates falls back to its default, key by key.
  const out: Record<string, unknown> = { ...DEFAULT_FEED_SETTINGS }
  for (const k of Object.keys(settingsShape) as (keyof FeedSettings)[]) {
    const one = (settingsShape[k] as z.ZodType).safeParse(merged[k])
    if (one.success) out[k] = one.data
  }
  return out as FeedSettings
}
