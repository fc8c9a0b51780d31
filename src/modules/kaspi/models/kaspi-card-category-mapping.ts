import { model } from "@medusajs/framework/utils"

/**
 * The merchant's mapping for one Kaspi category: where each attribute's value
 * comes from (Record<attribute code, KaspiAttributeSource>, lib/cards/card-types.ts).
 */
export const KaspiCardCategoryMapping = model
  .define("kaspi_card_category_mapping", {
    id: model.id({ prefix: "kccm" }).primaryKey(),
    account_id: model.text(),
    category: model.text(),
    sources: model.json(),
  })
  .indexes([{ on: ["account_id", "category"], unique: true }])
