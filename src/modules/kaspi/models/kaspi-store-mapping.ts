import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

/**
 * Kaspi point of sale (`storeId` in the feed, the part after `<merchantId>_` in
 * `pickupPointId`) ↔ Medusa stock location, per account. The storeId is kept
 * exactly as the owner entered it: merchants use both `PP1` and `30123456_PP1`.
 */
export const KaspiStoreMapping = shopModel("kaspi_store_mapping", "kstore", {
  store_id: model.text(),
  stock_location_id: model.text(),
  stock_buffer: model.number().default(0),
  pre_order_days: model.number().nullable(),
}).indexes([{ on: ["account_id", "store_id"], unique: true }])
