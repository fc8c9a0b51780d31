import { model } from "@medusajs/framework/utils"
import { onePerShopModel } from "./shop-model"

/**
 * The price-list feed of one Kaspi account: on/off, the secret in its URL and
 * the settings (src/lib/feed/settings.ts, validated with zod on every write;
 * kept as JSON so new settings need no migration). Store mappings are not here:
 * they are kaspi_store_mapping rows.
 */
export const KaspiFeedConfig = onePerShopModel("kaspi_feed_config", "kfcfg", {
  enabled: model.boolean().default(false),
  secret: model.text(),
  secret_rotated_at: model.dateTime().nullable(),
  settings: model.json().default({}),
})
