import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { entrySku, liveEntries } from "../orders/map-kaspi-order"
import { kaspiOrderLocation } from "../orders/kaspi-order-location"
import { resolveKaspiVariants } from "../orders/resolve-kaspi-variants"
import { readKaspiAccountSetup } from "./kaspi-account-setup"
import type { KaspiText } from "../../types/kaspi-texts"

/** One line Medusa cannot reserve: what the merchant needs to restock or cancel it. */
export interface StockShortage {
  sku: string
  product: string
  location: string
  kaspi_store: string | null
  ordered: number
  available: number
}

interface VariantStock {
  id: string
  manage_inventory?: boolean | null
  inventory_items?: Array<{
    required_quantity?: number | null
    inventory?: { location_levels?: Array<{ location_id: string; stocked_quantity?: number | null; reserved_quantity?: number | null } | null> | null } | null
  } | null> | null
}

/**
 * When Medusa refuses a reservation ("Not enough stock available for item
 * iitem_…"), its message names an inventory item id the merchant never sees.
 * This reads the same order again in the merchant's terms: the Kaspi SKU and
 * product, the stock location and its Kaspi store, and how many were ordered
 * against how many are available there. Null when no line is short (the
 * refusal was about something else).
 */
export async function describeStockShortage(container: MedusaContainer, accountId: string, order: KaspiOrder): Promise<StockShortage | null> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const setup = await readKaspiAccountSetup(kaspi, accountId)
  if (!setup) return null
  const { location_id, store_id } = await kaspiOrderLocation(kaspi, accountId, order, setup.stock_location_id)
  const entries = liveEntries(order)
  const skus = [...new Set(entries.map((e) => entrySku(e)).filter((s): s is string => Boolean(s)))]
  if (!skus.length) return null
  const variants = await resolveKaspiVariants(container, accountId, skus)
  const variantIds = [...new Set([...variants.values()].map((v) => v.variant_id))]
  if (!variantIds.length) return null

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "manage_inventory",
      "inventory_items.required_quantity",
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: variantIds },
  })
  const stockOf = new Map((data as VariantStock[]).map((v) => [v.id, v]))

  // Ordered per SKU (one SKU can be on several lines).
  const ordered = new Map<string, number>()
  for (const e of entries) {
    const sku = entrySku(e)
    if (sku) ordered.set(sku, (ordered.get(sku) ?? 0) + e.attributes.quantity)
  }
  for (const [sku, quantity] of ordered) {
    const variant = variants.get(sku)
    const stock = variant ? stockOf.get(variant.variant_id) : undefined
    if (!variant || !stock || stock.manage_inventory === false) continue
    for (const item of stock.inventory_items ?? []) {
      const perUnit = Number(item?.required_quantity ?? 1)
      const level = item?.inventory?.location_levels?.find((l) => l?.location_id === location_id)
      // Available as Medusa counts it (stocked − reserved, core-flows' prepare-confirm-inventory-input),
      // in whole units: an item needed twice per unit covers half as many.
      const available = Math.floor((Number(level?.stocked_quantity ?? 0) - Number(level?.reserved_quantity ?? 0)) / perUnit)
      if (available < quantity) {
        const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: location_id }, { select: ["name"] })
        const offer = entries.find((e) => entrySku(e) === sku)?.attributes.offer?.name
        return {
          sku,
          product: variant.product_title ?? offer ?? sku,
          location: location?.name ?? location_id,
          kaspi_store: store_id,
          ordered: quantity,
          available: Math.max(0, available),
        }
      }
    }
  }
  return null
}

/** The shortage as the English reason the API keeps (Medusa's own words after it) and as a code for the admin. */
export function stockShortageReason(s: StockShortage, medusaSaid: string): { reason: string; text: KaspiText } {
  const store = s.kaspi_store ? ` (Kaspi store ${s.kaspi_store})` : ""
  return {
    reason: `Not enough stock for Kaspi SKU "${s.sku}" (${s.product}) at ${s.location}${store}: ordered ${s.ordered}, available ${s.available}. Medusa said: ${medusaSaid}`,
    text: { code: "import.needs_stock", params: { ...s } },
  }
}
