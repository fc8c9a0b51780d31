import type { MedusaContainer } from "@medusajs/framework/types"
import type { KaspiSandbox } from "../../sandbox/types"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../src/lib/sync/ensure-kaspi-account-setup"
import { seedCatalog, type CatalogItem } from "./catalog"

/**
 * A fresh Kaspi shop for one test: the sandbox reset without faults, the
 * account set up in Medusa, Kaspi store PP1 mapped to its stock location and
 * the catalog seeded there (`stock` of each item is put at that location).
 */
export async function prepareKaspiShop(
  container: MedusaContainer,
  sandbox: KaspiSandbox,
  accountId: string,
  items: Array<Omit<CatalogItem, "stock"> & { stock: number }>
): Promise<{ kaspi: KaspiModuleService; locationId: string }> {
  sandbox.reset()
  sandbox.setFaults({ rate: 0, kinds: [] })
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const locationId = (await ensureKaspiAccountSetup(container, accountId)).stock_location_id
  await kaspi.createKaspiStoreMappings({ account_id: accountId, store_id: "PP1", stock_location_id: locationId })
  await seedCatalog(container, items.map((i) => ({ ...i, stock: { [locationId]: i.stock } })))
  return { kaspi, locationId }
}
