import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

/**
 * Kaspi offer code (`entries[].offer.code`, the feed's sku) → Medusa variant.
 * Many codes may point at one variant: Kaspi generates codes like 123456_1
 * when an offer is attached to an existing card (API.md e.5).
 */
export const KaspiSkuMapping = shopModel("kaspi_sku_mapping", "ksku", {
  kaspi_sku: model.text(),
  variant_id: model.text(),
}).indexes([{ on: ["account_id", "kaspi_sku"], unique: true }, { on: ["variant_id"] }])
