import { model } from "@medusajs/framework/utils"

/**
 * The price-list feed of one Kaspi account: on/off, the secret in its URL and
 * the settings (src/lib/feed/settings.ts, validated with zod on every write;
 * kept as JSON so new settings need no migration). Store mappings are not here:
 * they are kaspi_store_mapping rows.
 */
export const KaspiFeedConfig = model.define("kaspi_feed_config", {
  id: model.id({ prefix: "kfcfg" }).primaryKey(),
  account_id: model.text().unique(),
  enabled: model.boolean().default(false),
  secret: model.text(),
  secret_rotated_at: model.dateTime().nullable(),
  settings: model.json().default({}),
})
