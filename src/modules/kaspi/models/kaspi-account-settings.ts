import { model } from "@medusajs/framework/utils"
import { onePerShopModel } from "./shop-model"

/**
 * The Medusa side of one Kaspi shop, chosen or created once (by the setup
 * workflow at install, or in the admin) and then used by every import:
 * never guessed per order. Also the store owner's overrides of the order
 * options from medusa-config (Settings → Kaspi); null follows the config.
 */
export const KaspiAccountSettings = onePerShopModel("kaspi_account_settings", "kacc", {
  region_id: model.text().nullable(),
  sales_channel_id: model.text().nullable(),
  shipping_option_id: model.text().nullable(),
  stock_location_id: model.text().nullable(),
  polling: model.boolean().nullable(),
  poll_interval_seconds: model.number().nullable(),
  auto_accept: model.boolean().nullable(),
})
