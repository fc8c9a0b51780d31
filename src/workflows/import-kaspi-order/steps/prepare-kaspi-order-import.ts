import type { MedusaContainer, ProductVariantDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type { KaspiAddress, KaspiOrder } from "../../../modules/kaspi/client"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { importDecision } from "../../../lib/orders/import-decision"
import { entrySku, liveEntries, mapKaspiOrder, storeIdFromPickupPoint, type MapResult, type ResolvedVariant } from "../../../lib/orders/map-kaspi-order"
import { readKaspiAccountSetup } from "../../../lib/sync/kaspi-account-setup"

export type PreparedKaspiImport =
  | { action: "import"; mapped: Extract<MapResult, { ok: true }>; location_id: string; store_id: string | null }
  | { action: "needs_attention"; reason: string; unmapped_skus: string[] }
  | { action: "ignore"; reason: string }

// Module services directly rather than query.graph: this runs once per imported
// order, and query.graph's remote-query layer costs more than these two reads.
const VARIANT_CONFIG = { select: ["id", "sku", "title", "product.id", "product.title"], relations: ["product"] }

/** Kaspi offer code → variant: the account's SKU mappings first, then variant SKU equality. */
async function resolveVariants(container: MedusaContainer, accountId: string, skus: string[]) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const products = container.resolve(Modules.PRODUCT)
  const mappings = await kaspi.listKaspiSkuMappings({ account_id: accountId, kaspi_sku: skus })
  const mappedVariantIds = [...new Set(mappings.map((m) => m.variant_id))]
  const [byId, bySku] = await Promise.all([
    mappedVariantIds.length ? products.listProductVariants({ id: mappedVariantIds }, VARIANT_CONFIG) : Promise.resolve<ProductVariantDTO[]>([]),
    products.listProductVariants({ sku: skus }, VARIANT_CONFIG),
  ])
  const toResolved = (v: ProductVariantDTO): ResolvedVariant => ({
    variant_id: v.id,
    sku: v.sku,
    title: v.title,
    product_id: v.product?.id,
    product_title: v.product?.title,
  })
  const result = new Map<string, ResolvedVariant>()
  for (const v of bySku) if (v.sku) result.set(v.sku, toResolved(v))
  for (const m of mappings) {
    const v = byId.find((x) => x.id === m.variant_id)
    if (v) result.set(m.kaspi_sku, toResolved(v)) // an explicit mapping beats SKU equality
  }
  return result
}

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
      return new StepResponse<PreparedKaspiImport>({ action: "ignore", reason: decision.reason })
    }
    if (decision.action === "needs_attention") {
      return new StepResponse<PreparedKaspiImport>({ action: "needs_attention", reason: decision.reason, unmapped_skus: [] })
    }

    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    // The setup is made at install (or by the sync tick, once) by setupKaspiAccountWorkflow; the import only reads it.
    const setup = await readKaspiAccountSetup(kaspi, input.account_id)
    if (!setup) {
      return new StepResponse<PreparedKaspiImport>({
        action: "needs_attention",
        reason: `The Kaspi account "${input.account_id}" is not set up in Medusa yet (region, sales channel, stock location, shipping option): run POST /admin/kaspi/accounts/${input.account_id}/setup, then retry the order`,
        unmapped_skus: [],
      })
    }
    const account = kaspi.getAccount(input.account_id)
    const storeId = storeIdFromPickupPoint(input.order.attributes.pickupPointId, account.merchantId) ?? null
    const storeMappings = storeId
      ? await kaspi.listKaspiStoreMappings({ account_id: input.account_id, store_id: [storeId, input.order.attributes.pickupPointId as string] })
      : []
    const locationId = storeMappings[0]?.stock_location_id ?? setup.stock_location_id

    const skus = [...new Set(liveEntries(input.order).map((e) => entrySku(e)).filter((s): s is string => Boolean(s)))]
    const variants = skus.length ? await resolveVariants(container, input.account_id, skus) : new Map()
    const mapped = mapKaspiOrder(input.order, {
      accountId: input.account_id,
      variants,
      setup,
      customerId: input.customer_id,
      pickupAddress: await locationAddress(container, locationId),
      storeId,
    })
    if (!mapped.ok) {
      return new StepResponse<PreparedKaspiImport>({ action: "needs_attention", reason: mapped.reason, unmapped_skus: mapped.unmappedSkus })
    }
    return new StepResponse<PreparedKaspiImport>({ action: "import", mapped, location_id: locationId, store_id: storeId })
  }
)
