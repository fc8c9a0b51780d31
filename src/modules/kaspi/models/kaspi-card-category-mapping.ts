import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

/**
 * The merchant's mapping for one Kaspi category: where each attribute's value
 * comes from (Record<attribute code, KaspiAttributeSource>, lib/cards/card-types.ts).
 */
export const KaspiCardCategoryMapping = shopModel("kaspi_card_category_mapping", "kccm", {
  category: model.text(),
  sources: model.json(),
}).indexes([{ on: ["account_id", "category"], unique: true }])
