import fs from "node:fs"
import path from "node:path"
import { parseOrdersPage } from "../../../modules/kaspi/client/parse"
import type { KaspiOrder } from "../../../modules/kaspi/client"
import { deliveryLabel, lineUnitPrice, mapKaspiOrder, storeIdFromPickupPoint, type MapKaspiOrderContext } from "../map-kaspi-order"
import { kaspiCustomerEmail, normaliseKaspiPhone } from "../kaspi-customer"
import { importDecision } from "../import-decision"
import { kaspiStatusToMedusaAction } from "../kaspi-status-action"

const fixtures = path.join(__dirname, "../../../modules/kaspi/client/__tests__/fixtures/kaspi-guide")
const guideOrder = (file: string): KaspiOrder =>
  parseOrdersPage(JSON.parse(fs.readFileSync(path.join(fixtures, file), "utf8")), 0, { method: "GET", path: "/v2/orders" }).orders[0]

const setup = { region_id: "reg_kz", sales_channel_id: "sc_kaspi", shipping_option_id: "so_kaspi", currency_code: "kzt" }
const ctx = (skus: string[], over: Partial<MapKaspiOrderContext> = {}): MapKaspiOrderContext => ({
  accountId: "default",
  setup,
  variants: new Map(skus.map((sku, i) => [sku, { variant_id: `variant_${i}`, sku, title: "Default", product_title: `Product ${sku}` }])),
  ...over,
})

function order(attrs: Partial<KaspiOrder["attributes"]>, entries: Array<Partial<KaspiOrder["entries"][number]["attributes"]>>): KaspiOrder {
  return {
    id: "b3JkZXI",
    code: "700000001",
    attributes: { code: "700000001", totalPrice: 0, state: "NEW", status: "APPROVED_BY_BANK", creationDate: 1_700_000_000_000, ...attrs },
    entries: entries.map((e, i) => ({
      id: `entry-${i}`,
      attributes: { quantity: 1, basePrice: 1000, offer: { code: `SKU-${i}`, name: `Offer ${i}` }, ...e },
    })),
    missingEntryIds: [],
    raw: { order: {}, entries: [] },
  }
}

describe("mapKaspiOrder", () => {
  it("maps the guide's own-delivery order: delivery cost as a shipping method, Kaspi's address, phone and totals", () => {
    const o = guideOrder("03_order_by_code_DELIVERY_LOCAL__guide-RU.json")
    o.entries = [{ id: "e0", attributes: { quantity: 2, basePrice: 1750, totalPrice: 3500, offer: { code: "X-1" } } }]
    const r = mapKaspiOrder(o, ctx(["X-1"]))
    if (!r.ok) throw new Error(r.reason)
    expect(r.order.items).toEqual([
      expect.objectContaining({ variant_id: "variant_0", quantity: 2, unit_price: 1750, is_tax_inclusive: true }),
    ])
    expect(r.order.shipping_methods).toEqual([expect.objectContaining({ amount: 500, shipping_option_id: "so_kaspi", name: "Own delivery" })])
    expect(r.order.shipping_address).toMatchObject({ address_1: "улица Наурызбай батыра, 154А", city: "Алматы", country_code: "kz", phone: "+77750000000" })
    expect(r.order.email).toBe("77750000000@buyer.kaspi.invalid")
    expect(r.order.metadata).toMatchObject({ kaspi_code: "ordercode", kaspi_delivery_mode: "DELIVERY_LOCAL", kaspi_delivery_cost: 500 })
    expect(r.expectedTotal).toBe(4000)
  })

  it("uses the line total for weighted goods (price per kg × weight), so the order total is Kaspi's", () => {
    const o = order({ totalPrice: 5928 }, [{ quantity: 3, basePrice: 1560, totalPrice: 5928, weight: 3800, unitType: "MEASURABLE_PIECES" }])
    const r = mapKaspiOrder(o, ctx(["SKU-0"]))
    if (!r.ok) throw new Error(r.reason)
    expect(r.order.items[0].unit_price * r.order.items[0].quantity).toBeCloseTo(5928, 6)
    expect(r.order.items[0].metadata).toMatchObject({ kaspi_weight_grams: 3800, kaspi_unit_type: "MEASURABLE_PIECES" })
  })

  it("does not charge delivery twice when Kaspi's total already excludes it", () => {
    const r = mapKaspiOrder(order({ totalPrice: 2000, deliveryCost: 500 }, [{ quantity: 2, basePrice: 1000, totalPrice: 2000 }]), ctx(["SKU-0"]))
    if (!r.ok) throw new Error(r.reason)
    expect(r.order.shipping_methods[0].amount).toBe(0)
  })

  it("refuses to guess when Kaspi's total matches nothing", () => {
    const r = mapKaspiOrder(order({ totalPrice: 9999, deliveryCost: 500 }, [{ quantity: 2, basePrice: 1000, totalPrice: 2000 }]), ctx(["SKU-0"]))
    expect(r).toMatchObject({ ok: false })
    expect(!r.ok && r.reason).toMatch(/totalPrice 9999/)
  })

  it("names every SKU that has no variant, and an entry without an offer code", () => {
    const r = mapKaspiOrder(order({ totalPrice: 3000 }, [{}, {}, { offer: { code: "SKU-0" } }]), ctx(["SKU-0"]))
    expect(r).toEqual({
      ok: false,
      reason: expect.stringContaining('"SKU-1"'),
      // Issue #19: the reason as a code, naming the product as Kaspi calls it.
      text: { code: "import.unmapped_sku", params: { skus: "SKU-1", products: "Offer 1" } },
      unmappedSkus: ["SKU-1"],
    })
    const noOffer = mapKaspiOrder(order({ totalPrice: 1000 }, [{ offer: null }]), ctx([]))
    expect(noOffer).toMatchObject({ ok: false, unmappedSkus: [] })
    expect(mapKaspiOrder(order({}, []), ctx([]))).toMatchObject({ ok: false, reason: "the Kaspi order has no entries" })
  })

  it("leaves out a line Kaspi kept at quantity 0 after a partial cancel; its SKU needs no variant", () => {
    const r = mapKaspiOrder(
      order({ totalPrice: 2000 }, [{ quantity: 2, basePrice: 1000, totalPrice: 2000 }, { quantity: 0, basePrice: 500, totalPrice: 0, offer: { code: "GONE" } }]),
      ctx(["SKU-0"])
    )
    if (!r.ok) throw new Error(r.reason)
    expect(r.order.items).toHaveLength(1)
    expect(r.expectedTotal).toBe(2000)
    expect(mapKaspiOrder(order({ totalPrice: 0 }, [{ quantity: 0 }]), ctx(["SKU-0"]))).toMatchObject({ ok: false, reason: expect.stringMatching(/quantity 0/) })
  })

  it("uses the pickup point's address for pickup, and Kaspi's origin address for Kaspi Delivery", () => {
    const pickup = mapKaspiOrder(
      order({ totalPrice: 1000, deliveryMode: "DELIVERY_PICKUP", pickupPointId: "30123456_PP1" }, [{}]),
      ctx(["SKU-0"], { pickupAddress: { streetName: "проспект Абая 10", town: "Алматы", formattedAddress: "PP1" } })
    )
    if (!pickup.ok) throw new Error(pickup.reason)
    expect(pickup.order.shipping_address).toMatchObject({ address_1: "проспект Абая 10", metadata: expect.objectContaining({ kaspi_address_kind: "pickup_point" }) })
    expect(pickup.order.metadata.kaspi_store_id).toBe("PP1")

    const k = guideOrder("02_order_by_code_KASPI_DELIVERY_cancelling__guide-EN-merged.json")
    const kd = mapKaspiOrder(k, ctx(["355654asiuowl"]))
    if (!kd.ok) throw new Error(kd.reason)
    expect(kd.order.shipping_address).toMatchObject({ city: "Талдыкорган", address_1: "улица Кунаева, 20" })
    expect(kd.order.shipping_methods[0].name).toBe("Kaspi Postomat")
  })
})

describe("small Kaspi rules", () => {
  it("normalises phones and never builds a deliverable e-mail", () => {
    expect(normaliseKaspiPhone("7071234567")).toBe("+77071234567")
    expect(normaliseKaspiPhone("+0(000)-000-00-00")).toBeUndefined()
    expect(normaliseKaspiPhone("87071234567")).toBe("+77071234567")
    expect(kaspiCustomerEmail({ code: "1", customer: { cellPhone: "+0(000)-000-00-00", id: "Nzc4NjE4" } })).toBe("id-nzc4nje4@buyer.kaspi.invalid")
    expect(kaspiCustomerEmail({ code: "42", customer: null })).toBe("order-42@buyer.kaspi.invalid")
  })

  it("reads the store code out of pickupPointId", () => {
    expect(storeIdFromPickupPoint("30123456_PP1", "30123456")).toBe("PP1")
    expect(storeIdFromPickupPoint("Merchant_00005678")).toBe("00005678")
    expect(storeIdFromPickupPoint(undefined)).toBeUndefined()
  })

  it("labels every delivery mode", () => {
    expect(deliveryLabel({ deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: true } as any)).toBe("Kaspi Postomat")
    expect(deliveryLabel({ deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true } as any)).toBe("Kaspi Delivery to the door")
    expect(deliveryLabel({ deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: false } as any)).toBe("Pickup from the store")
  })

  it("unit price falls back to basePrice when Kaspi sends no line total", () => {
    expect(lineUnitPrice({ id: "e", attributes: { quantity: 2, basePrice: 700 } })).toBe(700)
  })

  it("imports only live orders", () => {
    expect(importDecision({ status: "APPROVED_BY_BANK" })).toEqual({ action: "import" })
    expect(importDecision({ status: "ACCEPTED_BY_MERCHANT" })).toEqual({ action: "import" })
    expect(importDecision({ status: "CANCELLED" })).toMatchObject({ action: "ignore" })
    expect(importDecision({ status: "RETURNED" })).toMatchObject({ action: "ignore" })
  })

  it("leaves an order in a status it does not know to a person, neither imported nor dropped", () => {
    expect(importDecision({ status: "SOMETHING_NEW" })).toEqual({
      action: "needs_attention",
      reason: expect.stringContaining('"SOMETHING_NEW"'),
      text: { code: "import.unknown_status", params: { status: "SOMETHING_NEW" } },
    })
    expect(kaspiStatusToMedusaAction({ status: "SOMETHING_NEW" }, { status: "pending", fulfillments: [] })).toEqual({
      action: "record",
      reason: expect.stringContaining("not known to the plugin"),
    })
  })

  it("turns Kaspi-side statuses into Medusa follow-ups", () => {
    const pending = { status: "pending", fulfillments: [] }
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, pending)).toMatchObject({ action: "cancel" })
    expect(kaspiStatusToMedusaAction({ status: "CANCELLING", cancellationReason: "TIMEOUT_BUYER_PICKUP" }, pending)).toMatchObject({ action: "cancel", reason: expect.stringContaining("TIMEOUT_BUYER_PICKUP") })
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, { status: "canceled", fulfillments: [] })).toEqual({ action: "none" })
    expect(kaspiStatusToMedusaAction({ status: "CANCELLED" }, { status: "pending", fulfillments: [{ shipped: true, delivered: false }] })).toMatchObject({ action: "return" })
    expect(kaspiStatusToMedusaAction({ status: "COMPLETED" }, pending)).toMatchObject({ action: "complete" })
    expect(kaspiStatusToMedusaAction({ status: "COMPLETED" }, { status: "completed", fulfillments: [] })).toEqual({ action: "none" })
    expect(kaspiStatusToMedusaAction({ status: "RETURNED" }, { status: "completed", fulfillments: [] })).toMatchObject({ action: "return" })
    expect(kaspiStatusToMedusaAction({ status: "ACCEPTED_BY_MERCHANT" }, pending)).toEqual({ action: "none" })
  })
})
