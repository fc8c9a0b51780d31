import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

/**
 * Kaspi's classification as last read (API.md a.14: ~4,300 categories, about
 * 400 KB): "categories", "attributes:<category>", "values:<category>:<attribute>".
 * Read again when older than `cards.classificationTtlHours` or on a refresh.
 */
export const KaspiClassificationCache = shopModel("kaspi_classification_cache", "kcls", {
  key: model.text(),
  data: model.json(),
  fetched_at: model.dateTime(),
}).indexes([{ on: ["account_id", "key"], unique: true }])
