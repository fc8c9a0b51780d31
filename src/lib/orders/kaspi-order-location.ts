import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { storeIdFromPickupPoint } from "./map-kaspi-order"

/**
 * The Kaspi store (point of service) an order is picked from, and the Medusa
 * stock location it reserves at: the store's mapping, else the account's
 * default location (from its setup).
 */
export async function kaspiOrderLocation(
  kaspi: KaspiModuleService,
  accountId: string,
  order: KaspiOrder,
  defaultLocationId: string
): Promise<{ location_id: string; store_id: string | null }> {
  const account = kaspi.getAccount(accountId)
  const storeId = storeIdFromPickupPoint(order.attributes.pickupPointId, account.merchantId) ?? null
  const storeMappings = storeId
    ? await kaspi.listKaspiStoreMappings({ account_id: accountId, store_id: [storeId, order.attributes.pickupPointId as string] })
    : []
  return { location_id: storeMappings[0]?.stock_location_id ?? defaultLocationId, store_id: storeId }
}
