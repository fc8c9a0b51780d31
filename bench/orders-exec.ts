/**
 * Runs inside `medusa exec` (see bench/orders.ts): the Medusa baseline chain,
 * then the plugin's import of the same number of Kaspi orders from the sandbox.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createOrderWorkflow,
  createOrUpdateOrderPaymentCollectionWorkflow,
  createProductsWorkflow,
  createReservationsWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../src/modules/kaspi"
import type KaspiModuleService from "../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../src/lib/sync/ensure-kaspi-account-setup"
import { NEW_ORDER_STATES, syncKaspiOrders } from "../src/lib/sync/sync-kaspi-orders"

const SKUS = Array.from({ length: 50 }, (_, i) => ({ sku: `BENCH-${String(i + 1).padStart(3, "0")}`, price: 1000 + 370 * i }))

function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function seedCatalog(container: MedusaContainer, locationId: string, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  await createProductsWorkflow(container).run({
    input: {
      products: SKUS.map((s) => ({
        title: `Товар ${s.sku}`,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: (profiles.find((p: any) => p.type === "default") ?? profiles[0])?.id,
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: "Default", values: ["Default"] }],
        variants: [{ title: "Default", sku: s.sku, options: { Default: "Default" }, prices: [{ currency_code: "kzt", amount: s.price }] }],
      })),
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: SKUS.map((s) => s.sku) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v: any) => ({
        inventory_item_id: v.inventory_items[0].inventory_item_id,
        location_id: locationId,
        stocked_quantity: 1_000_000,
      })),
    },
  })
  return new Map(variants.map((v: any) => [v.sku as string, { id: v.id as string, inventoryItemId: v.inventory_items[0].inventory_item_id as string }]))
}

/** Medusa's own chain for one order: what any native import must at least do. */
async function baselineOrder(
  container: MedusaContainer,
  setup: { region_id: string; sales_channel_id: string; shipping_option_id: string },
  locationId: string,
  lines: Array<{ variantId: string; inventoryItemId: string; sku: string; quantity: number; price: number }>,
  n: number
) {
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: setup.region_id,
      sales_channel_id: setup.sales_channel_id,
      email: `baseline-${n}@bench.invalid`,
      currency_code: "kzt",
      items: lines.map((l) => ({ variant_id: l.variantId, title: l.sku, quantity: l.quantity, unit_price: l.price, is_tax_inclusive: true })),
      shipping_methods: [{ name: "Kaspi", amount: 0, shipping_option_id: setup.shipping_option_id, is_tax_inclusive: true }],
    } as any,
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["items.*"], filters: { id: order.id } })
  await createReservationsWorkflow(container).run({
    input: {
      reservations: (data[0].items as any[]).map((item) => ({
        line_item_id: item.id,
        inventory_item_id: lines.find((l) => l.variantId === item.variant_id)!.inventoryItemId,
        location_id: locationId,
        quantity: Number(item.quantity),
      })),
    },
  })
  const { result: pcs } = await createOrUpdateOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id } })
  await markPaymentCollectionAsPaid(container).run({ input: { order_id: order.id, payment_collection_id: pcs[0].id } })
}

function orderShapes(count: number, seed: number) {
  const rnd = mulberry32(seed)
  return Array.from({ length: count }, () => {
    const lines = 1 + Math.floor(rnd() * 3)
    const picked = new Set<number>()
    while (picked.size < lines) picked.add(Math.floor(rnd() * SKUS.length))
    return [...picked].map((i) => ({ ...SKUS[i], quantity: 1 + Math.floor(rnd() * 3) }))
  })
}

export default async function run({ container, args }: { container: MedusaContainer; args: string[] }) {
  const count = Number(args[0] ?? 200)
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const setup = await ensureKaspiAccountSetup(container, "default")
  const variants = await seedCatalog(container, setup.stock_location_id, setup.sales_channel_id)
  const shapes = orderShapes(count, 7)

  // Seed the sandbox with the same shapes (over its control API: it lives in the parent process).
  const origin = process.env.KASPI_SANDBOX_ORIGIN as string
  const now = Date.now()
  for (const [i, lines] of shapes.entries()) {
    const res = await fetch(`${origin}/__sandbox/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        status: "APPROVED_BY_BANK",
        deliveryMode: "DELIVERY_PICKUP",
        isKaspiDelivery: false,
        deliveryCost: 0,
        creationDate: now - 3_600_000 + i,
        entries: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, basePrice: l.price })),
      }),
    })
    if (!res.ok) throw new Error(`sandbox seed failed: ${res.status} ${await res.text()}`)
  }

  const rss0 = process.memoryUsage().rss
  let peak = rss0
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200)

  // Interleaved in chunks of 100 (one Kaspi page each), so that whatever else
  // the machine is doing weighs on the baseline and the plugin alike.
  const CHUNK = 100
  let baselineSeconds = 0
  let seconds = 0
  const stats = { imported: 0, failed: 0, needs_attention: 0, invalid: 0 }
  kaspi.resetRequestStats()
  for (let start = 0; start < shapes.length; start += CHUNK) {
    const chunk = shapes.slice(start, start + CHUNK)
    const b0 = performance.now()
    for (const [j, lines] of chunk.entries()) {
      await baselineOrder(
        container,
        setup,
        setup.stock_location_id,
        lines.map((l) => ({ ...l, variantId: variants.get(l.sku)!.id, inventoryItemId: variants.get(l.sku)!.inventoryItemId })),
        start + j
      )
    }
    baselineSeconds += (performance.now() - b0) / 1000

    const p0 = performance.now()
    const s = await syncKaspiOrders(container, {
      accountId: "default",
      from: now - 3_600_000 + start,
      to: now - 3_600_000 + start + chunk.length - 1,
      states: NEW_ORDER_STATES,
    })
    seconds += (performance.now() - p0) / 1000
    stats.imported += s.imported
    stats.failed += s.failed
    stats.needs_attention += s.needs_attention
    stats.invalid += s.invalid
  }
  clearInterval(sample)
  const requests = kaspi.getRequestStats("default")

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: imported } = await query.graph({ entity: "kaspi_order", fields: ["id", "order_id", "import_status"] })
  const result = {
    bench: "orders",
    orders: count,
    imported: stats.imported,
    failed: stats.failed + stats.needs_attention + stats.invalid,
    kaspi_rows: imported.length,
    seconds: +seconds.toFixed(2),
    orders_per_s: +(stats.imported / seconds).toFixed(2),
    ms_per_order: +((seconds * 1000) / Math.max(1, stats.imported)).toFixed(1),
    kaspi_requests: requests.requests,
    requests_per_order: +(requests.requests / Math.max(1, count)).toFixed(3),
    requests_by_path: requests.byPath,
    baseline_seconds: +baselineSeconds.toFixed(2),
    baseline_orders_per_s: +(count / baselineSeconds).toFixed(2),
    ratio: +(seconds / baselineSeconds).toFixed(3),
    rss_before_mb: Math.round(rss0 / 1048576),
    peak_rss_mb: Math.round(peak / 1048576),
    node: process.version,
  }
  process.stdout.write(JSON.stringify(result) + "\n")
}
