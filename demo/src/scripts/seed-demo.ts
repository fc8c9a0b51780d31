// Seeds the demo store the way a store owner's data would look, through
// Medusa's own workflows: two shops that are Kaspi stores (PP1 Almaty, PP2
// Astana) mapped to stock locations, and the catalog in demo/catalog.json with
// KZT prices and stock at each shop. Run by scripts/demo.js as
// `medusa exec ./src/scripts/seed-demo.ts` after `medusa db:migrate`, which has
// already run the plugin's setup script (KZT region, "Kaspi.kz" sales channel,
// a stock location, the "Kaspi" shipping option).
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import catalog from "../../catalog.json"

/** [SKU, option value, price in tenge, stock at PP1, stock at PP2] */
type VariantRow = [string, string, number, number, number]
interface CatalogProduct {
  title: string
  brand: string
  option: string
  variants: VariantRow[]
}

const ACCOUNT_ID = "default"

/** The plugin's module service, by its registration key; only the generated methods used here. */
interface KaspiService {
  listKaspiAccountSettings(filters: { account_id: string }): Promise<Array<{ stock_location_id: string | null }>>
  createKaspiStoreMappings(data: Array<{ account_id: string; store_id: string; stock_location_id: string }>): Promise<unknown>
}

export default async function seedDemo({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const kaspi = container.resolve<KaspiService>("kaspi")
  // JSON imports type tuples as arrays: the shape is the one documented in catalog.json.
  const products = (catalog as unknown as { products: CatalogProduct[] }).products

  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"] })
  const kaspiChannel = channels.find((c: any) => c.name === "Kaspi.kz")
  if (!kaspiChannel) throw new Error('No "Kaspi.kz" sales channel: did `medusa db:migrate` run the plugin\'s setup script?')
  const channelIds = channels.map((c: any) => c.id as string)

  // PP1: the stock location the setup script chose or created, renamed after the shop it is.
  const [settings] = await kaspi.listKaspiAccountSettings({ account_id: ACCOUNT_ID })
  if (!settings?.stock_location_id) throw new Error(`Kaspi account "${ACCOUNT_ID}" has no stock location: the setup script did not run`)
  const almaty = settings.stock_location_id
  await updateStockLocationsWorkflow(container).run({
    input: {
      selector: { id: almaty },
      update: { name: "Алматы — склад (Kaspi PP1)", address: { address_1: "пр. Абая, 150", city: "Алматы", country_code: "kz", postal_code: "050000" } },
    },
  })
  // PP2: a second shop, in Astana.
  const { result: created } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [{ name: "Астана — магазин (Kaspi PP2)", address: { address_1: "пр. Мангилик Ел, 55", city: "Астана", country_code: "kz", postal_code: "010000" } }],
    },
  })
  const astana = created[0].id
  for (const id of [almaty, astana]) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id, add: channelIds } })
  }
  await kaspi.createKaspiStoreMappings([
    { account_id: ACCOUNT_ID, store_id: "PP1", stock_location_id: almaty },
    { account_id: ACCOUNT_ID, store_id: "PP2", stock_location_id: astana },
  ])

  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const shippingProfileId = (profiles.find((p: any) => p.type === "default") ?? profiles[0])?.id
  await createProductsWorkflow(container).run({
    input: {
      products: products.map((p) => ({
        title: p.title,
        // Titles may be Cyrillic; a Latin handle from the first SKU keeps URLs readable.
        handle: p.variants[0][0].toLowerCase(),
        status: ProductStatus.PUBLISHED,
        metadata: { brand: p.brand },
        shipping_profile_id: shippingProfileId,
        sales_channels: channelIds.map((id) => ({ id })),
        options: [{ title: p.option, values: p.variants.map((v) => v[1]) }],
        variants: p.variants.map(([sku, value, price]) => ({
          title: value,
          sku,
          options: { [p.option]: value },
          manage_inventory: true,
          prices: [{ currency_code: "kzt", amount: price }],
        })),
      })),
    },
  })

  const rows = products.flatMap((p) => p.variants)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: rows.map((r) => r[0]) },
  })
  const inventoryItemOf = new Map(variants.map((v: any) => [v.sku as string, v.inventory_items?.[0]?.inventory_item_id as string]))
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: rows.flatMap(([sku, , , pp1, pp2]) => [
        { inventory_item_id: inventoryItemOf.get(sku)!, location_id: almaty, stocked_quantity: pp1 },
        { inventory_item_id: inventoryItemOf.get(sku)!, location_id: astana, stocked_quantity: pp2 },
      ]),
    },
  })

  logger.info(
    `Demo catalog: ${products.length} products, ${rows.length} variants with KZT prices; ` +
      `stock at PP1 (${almaty}) and PP2 (${astana}), both mapped to Kaspi stores`
  )
}
