/**
 * The Kaspi orders the browser tests work on, added to the sandbox and
 * imported with "sync now": one new pickup order to accept, one accepted
 * pickup order to complete with the buyer's code, one Kaspi Delivery order,
 * one order with a SKU the store does not know (needs attention), one for
 * more phones than the store has (needs attention: stock), and a cancelled
 * one (the overview's cancellation share).
 */
import type { AdminApp } from "./admin-app"
import { kaspiOrderRow, seedStore, syncNow } from "./seed"

export const PRODUCTS = [
  { sku: "KSP-PHONE-128", title: "Смартфон Kaspi Demo 128 ГБ", price: 189990, stock: 12 },
  { sku: "KSP-CASE-1", title: "Чехол силиконовый", price: 3500, stock: 40 },
  { sku: "KSP-KETTLE-2", title: "Электрочайник 1,7 л", price: 14990, stock: 6 },
]
/** Sold on Kaspi, unknown to the store until someone maps it (the "fix a SKU" test). */
export const UNKNOWN_SKU = "KASPI-777001"

export interface Scenario {
  locationId: string
  locationName: string
  toAccept: { code: string; orderId: string }
  toComplete: { code: string; orderId: string }
  kaspiDelivery: { code: string; orderId: string }
  /** Two lines, accepted: a line is cut from the widget ("A day with Kaspi"). */
  toCutLine: { code: string; orderId: string }
  needsAttention: { code: string; kaspiOrderId: string }
  shortOfStock: { code: string; sku: string; ordered: number }
  cancelled: { code: string }
}

export async function seedScenario(app: AdminApp): Promise<Scenario> {
  const store = await seedStore(app.api, PRODUCTS)
  const sb = app.sandbox
  const hour = 3600_000
  const toAccept = sb.addOrder({
    status: "APPROVED_BY_BANK",
    state: "NEW",
    deliveryMode: "DELIVERY_PICKUP",
    storeId: "PP1",
    customer: { firstName: "Айгерим", lastName: "Сапарова" },
    entries: [{ sku: "KSP-PHONE-128", quantity: 1, basePrice: 189990 }],
  })
  const toComplete = sb.addOrder({
    status: "ACCEPTED_BY_MERCHANT",
    state: "PICKUP",
    deliveryMode: "DELIVERY_PICKUP",
    storeId: "PP1",
    creationDate: sb.now() - 5 * hour,
    customer: { firstName: "Ерлан", lastName: "Ахметов" },
    entries: [{ sku: "KSP-CASE-1", quantity: 2, basePrice: 3500 }],
  })
  const kaspiDelivery = sb.addOrder({
    status: "ACCEPTED_BY_MERCHANT",
    state: "KASPI_DELIVERY",
    deliveryMode: "DELIVERY_REGIONAL_TODOOR",
    isKaspiDelivery: true,
    preOrder: false,
    storeId: "PP1",
    creationDate: sb.now() - 20 * hour,
    plannedDeliveryDate: sb.now() + 48 * hour,
    entries: [{ sku: "KSP-KETTLE-2", quantity: 1, basePrice: 14990 }],
  })
  const toCutLine = sb.addOrder({
    status: "ACCEPTED_BY_MERCHANT",
    state: "PICKUP",
    deliveryMode: "DELIVERY_PICKUP",
    storeId: "PP1",
    creationDate: sb.now() - 4 * hour,
    entries: [
      // Not the kettle: the feed test counts its stock.
      { sku: "KSP-CASE-1", quantity: 3, basePrice: 3500 },
      { sku: "KSP-PHONE-128", quantity: 1, basePrice: 189990 },
    ],
  })
  const needsAttention = sb.addOrder({
    status: "APPROVED_BY_BANK",
    state: "NEW",
    deliveryMode: "DELIVERY_LOCAL",
    storeId: "PP1",
    creationDate: sb.now() - 2 * hour,
    entries: [{ sku: UNKNOWN_SKU, quantity: 1, basePrice: 24990 }],
  })
  // More than the 12 phones in stock; older than needsAttention, so that one stays first in the list.
  const shortOfStock = sb.addOrder({
    status: "APPROVED_BY_BANK",
    state: "NEW",
    deliveryMode: "DELIVERY_PICKUP",
    storeId: "PP1",
    creationDate: sb.now() - 3 * hour,
    entries: [{ sku: "KSP-PHONE-128", quantity: 20, basePrice: 189990 }],
  })
  const cancelled = sb.addOrder({
    status: "CANCELLED",
    state: "ARCHIVE",
    deliveryMode: "DELIVERY_PICKUP",
    storeId: "PP1",
    creationDate: sb.now() - 30 * hour,
    cancellationReason: "BUYER_CANCELLATION_HIMSELF",
    entries: [{ sku: "KSP-CASE-1", quantity: 1, basePrice: 3500 }],
  })
  await syncNow(app.api)

  const imported = async (code: string) => {
    const row = await kaspiOrderRow(app.api, code)
    if (!row.order_id) throw new Error(`Kaspi order ${code} was not imported: ${row.import_status}`)
    return { code, orderId: row.order_id }
  }
  const attention = await kaspiOrderRow(app.api, needsAttention.code)
  if (attention.import_status !== "needs_attention") throw new Error(`expected ${needsAttention.code} to need attention, it is ${attention.import_status}`)
  return {
    locationId: store.locationId,
    locationName: store.locationName,
    toAccept: await imported(toAccept.code),
    toComplete: await imported(toComplete.code),
    kaspiDelivery: await imported(kaspiDelivery.code),
    toCutLine: await imported(toCutLine.code),
    needsAttention: { code: needsAttention.code, kaspiOrderId: attention.id },
    shortOfStock: { code: shortOfStock.code, sku: "KSP-PHONE-128", ordered: 20 },
    cancelled: { code: cancelled.code },
  }
}
