/**
 * Store data for the browser tests, made through Medusa's admin API (no extra
 * `medusa exec` boot): published products with KZT prices and stock at the
 * stock location the plugin's setup script chose, in the "Kaspi.kz" channel.
 */
import type { AdminApi } from "./admin-app"

export interface SeededProduct {
  sku: string
  title: string
  price: number
  stock: number
}

export interface SeededStore {
  locationId: string
  locationName: string
  salesChannelId: string
  variantIdBySku: Map<string, string>
}

async function ok(api: AdminApi, method: string, route: string, body?: unknown) {
  const res = await api(method, route, body)
  if (res.status >= 300) throw new Error(`${method} ${route}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export async function seedStore(api: AdminApi, products: SeededProduct[]): Promise<SeededStore> {
  const { stock_locations } = await ok(api, "GET", "/admin/stock-locations?fields=id,name")
  if (stock_locations.length !== 1) throw new Error(`expected the setup script's one stock location, found ${stock_locations.length}`)
  const location = stock_locations[0]
  const { sales_channels } = await ok(api, "GET", "/admin/sales-channels?name=Kaspi.kz")
  const { shipping_profiles } = await ok(api, "GET", "/admin/shipping-profiles")
  const profile = shipping_profiles.find((p: any) => p.type === "default") ?? shipping_profiles[0]

  const variantIdBySku = new Map<string, string>()
  for (const p of products) {
    const { product } = await ok(api, "POST", "/admin/products?fields=id,variants.id,variants.sku,variants.inventory_items.inventory_item_id", {
      title: p.title,
      status: "published",
      shipping_profile_id: profile?.id,
      sales_channels: [{ id: sales_channels[0].id }],
      options: [{ title: "Default", values: ["Default"] }],
      variants: [{ title: "Default", sku: p.sku, options: { Default: "Default" }, manage_inventory: true, prices: [{ currency_code: "kzt", amount: p.price }] }],
    })
    const variant = product.variants[0]
    variantIdBySku.set(p.sku, variant.id)
    const inventoryItemId = variant.inventory_items?.[0]?.inventory_item_id
    await ok(api, "POST", `/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: location.id, stocked_quantity: p.stock })
  }
  return { locationId: location.id, locationName: location.name, salesChannelId: sales_channels[0].id, variantIdBySku }
}

/** "Sync now" through the plugin's admin API: the tests add orders to the sandbox, then import them. */
export async function syncNow(api: AdminApi) {
  return ok(api, "POST", "/admin/kaspi/orders/sync", {})
}

/** The Medusa order made from a Kaspi order, once imported. */
export async function kaspiOrderRow(api: AdminApi, code: string) {
  const { kaspi_order } = await ok(api, "GET", `/admin/kaspi/orders/${code}`)
  return kaspi_order as { id: string; order_id: string | null; import_status: string; status: string }
}
