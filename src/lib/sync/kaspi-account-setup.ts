import type KaspiModuleService from "../../modules/kaspi/service"

export const KASPI_SALES_CHANNEL_NAME = "Kaspi.kz"
export const KASPI_SHIPPING_OPTION_NAME = "Kaspi"
export const KASPI_CURRENCY = "kzt"

/** What a Kaspi import needs on the Medusa side, chosen once per account by the setup workflow. */
export interface KaspiAccountSetup {
  account_id: string
  region_id: string
  sales_channel_id: string
  stock_location_id: string
  shipping_option_id: string
  currency_code: string
}

/** The stored setup of an account (kaspi_account_settings), or null while it is incomplete. */
export async function readKaspiAccountSetup(kaspi: KaspiModuleService, accountId: string): Promise<KaspiAccountSetup | null> {
  const [s] = await kaspi.listKaspiAccountSettings({ account_id: accountId })
  if (!s?.region_id || !s.sales_channel_id || !s.stock_location_id || !s.shipping_option_id) return null
  return {
    account_id: accountId,
    region_id: s.region_id,
    sales_channel_id: s.sales_channel_id,
    stock_location_id: s.stock_location_id,
    shipping_option_id: s.shipping_option_id,
    currency_code: KASPI_CURRENCY,
  }
}
