/**
 * `medusa exec` script run once on the suite's template database: the plugin's
 * account setup (region, sales channel, location, shipping option), the catalog
 * with stock, the admin user, and the feed switched on with a 1-minute interval
 * (so a short run sees several scheduled feed builds).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../../../src/modules/kaspi"
import type KaspiModuleService from "../../../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../../src/lib/sync/ensure-kaspi-account-setup"
import { getOrCreateFeedConfig, saveFeedConfig } from "../../../src/lib/feed/feed-store"
import { ACCOUNT_ID, ADMIN_EMAIL, ADMIN_PASSWORD, RELIABILITY_SKUS } from "../lib/catalog"

export default async function seed({ container }: { container: MedusaContainer }) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const setup = await ensureKaspiAccountSetup(container, ACCOUNT_ID)
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  await createProductsWorkflow(container).run({
    input: {
      products: RELIABILITY_SKUS.map((s) => ({
        title: s.name,
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
    filters: { sku: RELIABILITY_SKUS.map((s) => s.sku) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v: any) => ({
        inventory_item_id: v.inventory_items[0].inventory_item_id,
        location_id: setup.stock_location_id,
        stocked_quantity: 1_000_000,
      })),
    },
  })

  // The admin user, the way `medusa user` makes one.
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } } as any)
  if (error || !authIdentity) throw new Error(`admin register failed: ${error}`)
  await createUserAccountWorkflow(container).run({ input: { authIdentityId: authIdentity.id, userData: { email: ADMIN_EMAIL } } })

  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const feed = await getOrCreateFeedConfig(kaspi, ACCOUNT_ID)
  await saveFeedConfig(kaspi, feed.id, { settings: { ...feed.settings, interval_minutes: 1 }, enabled: true })
  process.stdout.write(`${JSON.stringify({ seeded: true, variants: variants.length, feed_secret_len: String(feed.secret).length })}\n`)
}
