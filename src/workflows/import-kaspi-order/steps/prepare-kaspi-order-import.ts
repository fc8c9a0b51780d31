import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type { KaspiAddress, KaspiOrder } from "../../../modules/kaspi/client"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { importDecision } from "../../../lib/orders/import-decision"
import { entrySku, liveEntries, mapKaspiOrder, type MapResult } from "../../../lib/orders/map-kaspi-order"
import { resolveKaspiVariants } from "../../../lib/orders/resolve-kaspi-variants"
import { kaspiOrderLocation } from "../../../lib/orders/kaspi-order-location"
import { readKaspiAccountSetup } from "../../../lib/sync/kaspi-account-setup"
import type { KaspiText } from "../../../types/kaspi-texts"

export type PreparedKaspiImport =
  | { action: "import"; mapped: Extract<MapResult, { ok: true }>; location_id: string; store_id: string | null }
  | { action: "needs_attention"; reason: string; text: KaspiText; unmapped_skus: string[] }
  | { action: "ignore"; reason: string; text: KaspiText }

async function locationAddress(container: MedusaContainer, locationId: string): Promise<KaspiAddress | null> {
  const locations = container.resolve(Modules.STOCK_LOCATION)
  const [location] = await locations.listStockLocations({ id: locationId }, { relations: ["address"] })
  const a = location?.address
  if (!a) return null
  return {
    streetName: [a.address_1, a.address_2].filter(Boolean).join(", ") || null,
    streetNumber: null,
    town: a.city ?? null,
    district: a.province ?? null,
    formattedAddress: [location.name, a.address_1, a.city].filter(Boolean).join(", "),
  }
}

/**
 * Everything the import needs, read but not changed: the account's stored
 * Medusa setup (missing: the order waits with that reason), variants for
 * every Kaspi SKU, the stock location of the Kaspi store, then the pure
 * Kaspi → Medusa mapping. Its answer decides the branch.
 */
export const prepareKaspiOrderImportStep = createStep(
  "prepare-kaspi-order-import",
  async (input: { account_id: string; order: KaspiOrder; customer_id?: string }, { container }) => {
    const decision = importDecision(input.order.attributes)
    if (decision.action === "ignore") {
      return new StepResponse<PreparedKaspiImport>({ action: "ignore", reason: decision.reason, text: decision.text })
    }
    if (decision.action === "needs_attention") {
      return new StepResponse<PreparedKaspiImport>({ action: "needs_attention", reason: decision.reason, text: decision.text, unmapped_skus: [] })
    }

    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    // The setup is made at install (or by the sync tick, once) by setupKaspiAccountWorkflow; the import only reads it.
    const setup = await readKaspiAccountSetup(kaspi, input.account_id)
    if (!setup) {
      return new StepResponse<PreparedKaspiImport>({
        action: "needs_attention",
        reason: `The Kaspi account "${input.account_id}" is not set up in Medusa yet (region, sales channel, stock location, shipping option): run POST /admin/kaspi/accounts/${input.account_id}/setup, then retry the order`,
        text: { code: "import.not_set_up", params: { account: input.account_id } },
        unmapped_skus: [],
      })
    }
    const { location_id: locationId, store_id: storeId } = await kaspiOrderLocation(kaspi, input.account_id, input.order, setup.stock_location_id)

    const skus = [...new Set(liveEntries(input.order).map((e) => entrySku(e)).filter((s): s is string => Boolean(s)))]
    const variants = skus.length ? await resolveKaspiVariants(container, input.account_id, skus) : new Map()
    const mapped = mapKaspiOrder(input.order, {
      accountId: input.account_id,
      variants,
      setup,
      customerId: input.customer_id,
      pickupAddress: await locationAddress(container, locationId),
      storeId,
    })
    if (!mapped.ok) {
      return new StepResponse<PreparedKaspiImport>({ action: "needs_attention", reason: mapped.reason, text: mapped.text, unmapped_skus: mapped.unmappedSkus })
    }
    return new StepResponse<PreparedKaspiImport>({ action: "import", mapped, location_id: locationId, store_id: storeId })
  }
)
