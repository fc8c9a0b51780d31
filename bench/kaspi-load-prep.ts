/**
 * Runs inside `medusa exec` for `npm run bench -- kaspi-load` (preparation only): the account's
 * Medusa setup (region, "Kaspi.kz" sales channel, stock location, shipping option — normally made
 * by the migration script) and the bench catalog with plenty of stock, so every Kaspi order the
 * sandbox sells imports cleanly. Uses the setup workflow and Medusa's core flows only, not the
 * sync code (being redesigned), so the same script prepares "before" and "after".
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { setupKaspiAccountWorkflow } from "../src/workflows/setup-kaspi-account"
import { BENCH_SKUS } from "./lib/kaspi-load-world"

export default async function prep({ container }: { container: MedusaContainer }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { result: setup } = await setupKaspiAccountWorkflow(container).run({ input: { account_id: "default" } })
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  await createProductsWorkflow(container).run({
    input: {
      products: BENCH_SKUS.map((s) => ({
        title: `Товар ${s.sku}`,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: (profiles.find((p: any) => p.type === "default") ?? profiles[0])?.id,
        sales_channels: [{ id: setup.sales_channel_id }],
        options: [{ title: "Default", values: ["Default"] }],
        variants: [{ title: "Default", sku: s.sku, options: { Default: "Default" }, prices: [{ currency_code: "kzt", amount: s.price }] }],
      })),
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { sku: BENCH_SKUS.map((s) => s.sku) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v: any) => ({
        inventory_item_id: v.inventory_items[0].inventory_item_id,
        location_id: setup.stock_location_id,
        stocked_quantity: 10_000_000,
      })),
    },
  })
  process.stdout.write(`${JSON.stringify({ prepared: true, variants: variants.length })}\n`)
}
