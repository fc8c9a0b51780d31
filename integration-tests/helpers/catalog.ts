import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"

export interface CatalogItem {
  sku: string
  title?: string
  price: number
  /** stock per stock location id; omit for manage_inventory: false */
  stock?: Record<string, number>
}

/**
 * Published products with one variant each, KZT prices and stock at the given
 * locations, made through Medusa's own workflows (as a store owner would).
 */
export async function seedCatalog(container: MedusaContainer, items: CatalogItem[], salesChannelId?: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // Real products belong to a shipping profile (the admin requires one): the default one.
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const shippingProfileId = (profiles.find((p: any) => p.type === "default") ?? profiles[0])?.id
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: items.map((item) => ({
        title: item.title ?? `Product ${item.sku}`,
        status: ProductStatus.PUBLISHED,
        options: [{ title: "Default", values: ["Default"] }],
        sales_channels: salesChannelId ? [{ id: salesChannelId }] : undefined,
        shipping_profile_id: shippingProfileId,
        variants: [
          {
            title: "Default",
            sku: item.sku,
            options: { Default: "Default" },
            manage_inventory: item.stock !== undefined,
            prices: [{ currency_code: "kzt", amount: item.price }],
          },
        ],
      })),
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: items.map((i) => i.sku) },
  })
  const levels = items.flatMap((item) => {
    const variant = variants.find((v: any) => v.sku === item.sku) as any
    const inventoryItemId = variant?.inventory_items?.[0]?.inventory_item_id
    return Object.entries(item.stock ?? {}).map(([location_id, stocked_quantity]) => ({
      inventory_item_id: inventoryItemId,
      location_id,
      stocked_quantity,
    }))
  })
  if (levels.length) await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  const bySku = new Map(variants.map((v: any) => [v.sku as string, v.id as string]))
  return { products, variantIdBySku: bySku }
}
