// Every GET endpoint besides the list: shapes like the guide payloads, ids, 404s.
// The fixtures pin the guide-example variants; the other forms Kaspi sends are in variants.spec.ts.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { GUIDE_EXAMPLE_VARIANTS } from "../variants"
import { decodeB64, kaspi, start } from "./helpers"

describe("read endpoints", () => {
  let sb: KaspiSandbox
  let order: SandboxOrder
  let weighted: SandboxOrder
  let kaspiOrder: SandboxOrder

  beforeAll(async () => {
    sb = await start({ tokens: ["test-token", "other-shop"] })
    order = sb.addOrder({
      deliveryMode: "DELIVERY_PICKUP",
      storeId: "PP1",
      variants: GUIDE_EXAMPLE_VARIANTS,
      customer: { firstName: "Айгерим", lastName: "Сулейменова", cellPhone: "7071234567" },
      entries: [
        { sku: "SKU-CHAIR-01", name: "Стул офисный", quantity: 2, basePrice: 15000, productCode: "120000001" },
        { sku: "SKU-LAMP-02", name: "Лампа настольная", quantity: 1, basePrice: 4500, productCode: "120000002", storeId: "PP2" },
      ],
    })
    weighted = sb.addOrder({ entries: [{ sku: "MELON-TORPEDO-KG", unitType: "MEASURABLE_PIECES", quantity: 3, basePrice: 1560, weight: 3800 }] })
    kaspiOrder = sb.addOrder({ deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, storeId: "PP2", variants: GUIDE_EXAMPLE_VARIANTS })
  })
  afterAll(() => sb.close())

  it("ids follow the observed base64 conventions", () => {
    expect(decodeB64(order.id)).toBe(String(order.orderNo))
    expect(order.id).not.toMatch(/=/)
    expect(decodeB64(order.entries[0].id)).toBe(`${order.orderNo}##0`)
    expect(decodeB64(order.entries[1].id)).toBe(`${order.orderNo}##1`)
    expect(decodeB64(order.customer.id)).toBe("7071234567")
    expect(order.pickupPointId).toBe("30123456_PP1")
  })

  it("GET /v2/orders/{id} returns a single data object", async () => {
    const r = await kaspi(sb, `/v2/orders/${order.id}`)
    expect(r.status).toBe(200)
    expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
    expect(r.json.included).toEqual([])
    const d = r.json.data
    expect(d.type).toBe("orders")
    expect(d.id).toBe(order.id)
    expect(d.attributes).toMatchObject({
      code: order.code,
      totalPrice: 34500,
      state: "NEW",
      status: "APPROVED_BY_BANK",
      deliveryMode: "DELIVERY_PICKUP",
      isKaspiDelivery: false,
      pickupPointId: "30123456_PP1",
      assembled: false,
      customer: { id: order.customer.id, cellPhone: "7071234567", firstName: "Айгерим", lastName: "Сулейменова" },
    })
    expect(d.attributes.kaspiDelivery).toBeUndefined()
    expect(d.attributes.deliveryAddress).toBeUndefined()
    expect(d.links.self).toBe(`${sb.baseUrl}/v2/orders/${order.id}`)
  })

  it("a Kaspi Delivery order has originAddress and kaspiDelivery", async () => {
    const a = (await kaspi(sb, `/v2/orders/${kaspiOrder.id}`)).json.data.attributes
    expect(a.isKaspiDelivery).toBe(true)
    expect(a.deliveryAddress.formattedAddress).toMatch(/Астана/)
    expect(a.originAddress).toMatchObject({ displayName: "PP2", city: { code: "710000000", name: "Астана", active: true } })
    expect(decodeB64(a.originAddress.id)).toBe("30123456_PP2")
    expect(a.kaspiDelivery).toEqual({
      waybill: null,
      courierTransmissionDate: null,
      courierTransmissionPlanningDate: expect.any(Number),
      waybillNumber: null,
      express: expect.any(Boolean),
      returnedToWarehouse: false,
      firstMileCourier: null,
    })
  })

  it("404 JSON error for an unknown order id", async () => {
    const r = await kaspi(sb, `/v2/orders/NOPE`)
    expect(r.status).toBe(404)
    expect(r.json.errors[0].title).toBe("Order not found")
  })

  it("GET /v2/orders/{id}/entries lists the lines", async () => {
    const r = await kaspi(sb, `/v2/orders/${order.id}/entries`)
    expect(r.status).toBe(200)
    expect(r.json.included).toEqual([])
    expect(r.json.data).toHaveLength(2)
    const [a, b] = r.json.data
    expect(a.type).toBe("orderentries")
    expect(a.attributes).toEqual({
      unitType: "PIECES",
      offer: { code: "SKU-CHAIR-01", name: "Стул офисный" },
      quantity: 2,
      totalPrice: 30000,
      weight: 0,
      entryNumber: 0,
      category: expect.objectContaining({ code: expect.stringMatching(/^Master - /), title: expect.any(String) }),
      deliveryCost: 0,
      basePrice: 15000,
      isImeiRequired: false,
    })
    expect(b.attributes.entryNumber).toBe(1)
    expect(decodeB64(a.relationships.product.data.id)).toBe("120000001")
    expect(decodeB64(b.relationships.deliveryPointOfService.data.id)).toBe("30123456_PP2")
    expect(a.links.self).toBe(`${sb.baseUrl}/v2/orderentries/${a.id}`)
  })

  it("GET /v2/orderentries/{id} for weighted goods", async () => {
    const e = weighted.entries[0]
    const r = await kaspi(sb, `/v2/orderentries/${e.id}`)
    expect(r.status).toBe(200)
    expect(r.json.data.attributes).toMatchObject({
      unitType: "MEASURABLE_PIECES",
      quantity: 3,
      weight: 3800,
      basePrice: 1560,
      totalPrice: 5928,
      minAllowedWeight: expect.any(Number),
    })
    expect(weighted.totalPrice).toBe(5928 + weighted.deliveryCost)
    expect((await kaspi(sb, `/v2/orderentries/AAAA`)).status).toBe(404)
  })

  it("GET /v2/orderentries/{id}/product → masterproducts; …/merchantProduct → merchantproducts", async () => {
    const r = await kaspi(sb, `/v2/orderentries/${order.entries[0].id}/product`)
    expect(r.status).toBe(200)
    const mp = r.json.data
    expect(mp.type).toBe("masterproducts")
    expect(mp.attributes).toMatchObject({ code: "120000001", name: "Стул офисный", category: expect.any(String) })
    expect(mp.relationships.merchantProduct.data).toBeNull()
    const rel = mp.relationships.merchantProduct.links.related
    expect(rel).toBe(`${sb.baseUrl}/v2/masterproducts/${mp.id}/merchantProduct`)
    const m = await kaspi(sb, `/v2/masterproducts/${mp.id}/merchantProduct`)
    expect(m.status).toBe(200)
    expect(m.json.data.type).toBe("merchantproducts")
    expect(m.json.data.attributes).toMatchObject({ code: "SKU-CHAIR-01", name: "Стул офисный" })
    expect(decodeB64(m.json.data.id)).toBe("30123456##SKU-CHAIR-01")
    expect((await kaspi(sb, `/v2/masterproducts/${mp.id}`)).json.data.id).toBe(mp.id)
    expect((await kaspi(sb, `/v2/masterproducts/OTk5/merchantProduct`)).status).toBe(404)
  })

  it("deliveryPointOfService → pointofservices → city", async () => {
    const r = await kaspi(sb, `/v2/orderentries/${order.entries[0].id}/deliveryPointOfService`)
    expect(r.status).toBe(200)
    const pos = r.json.data
    expect(pos.type).toBe("pointofservices")
    expect(pos.attributes.displayName).toBe("PP1")
    expect(pos.attributes.address.formattedAddress).toMatch(/Алматы/)
    const same = await kaspi(sb, `/v2/pointofservices/${pos.id}`)
    expect(same.json.data).toEqual(pos)
    const city = await kaspi(sb, `/v2/pointofservices/${pos.id}/city`)
    expect(city.json.data).toMatchObject({ type: "cities", attributes: { code: "750000000", name: "Алматы", active: true } })
    expect(city.json.data.id).toBe(pos.relationships.city.data.id)
    expect((await kaspi(sb, `/v2/pointofservices/${pos.id}`, { token: "other-shop" })).status).toBe(404)
  })

  it("GET /v2/cities lists Kazakh cities with Kaspi codes", async () => {
    const r = await kaspi(sb, `/v2/cities`)
    expect(r.status).toBe(200)
    expect(r.json.data.length).toBeGreaterThanOrEqual(20)
    const byCode = Object.fromEntries(r.json.data.map((c: any) => [c.attributes.code, c.attributes.name]))
    expect(byCode).toMatchObject({
      "750000000": "Алматы",
      "710000000": "Астана",
      "511010000": "Шымкент",
      "351010000": "Караганда",
      "191010000": "Талдыкорган",
    })
    for (const c of r.json.data) expect(decodeB64(c.id)).toBe(c.attributes.code)
    const one = await kaspi(sb, `/v2/cities/${r.json.data[0].id}`)
    expect(one.json.data).toEqual(r.json.data[0])
  })

  it("GET /v2/orders/{id}/user → customers", async () => {
    const r = await kaspi(sb, `/v2/orders/${order.id}/user`)
    expect(r.json.data).toMatchObject({ type: "customers", id: order.customer.id, attributes: { cellPhone: "7071234567" } })
  })

  it("merchant reviews exist for (some) completed orders only", async () => {
    const completed = Array.from({ length: 6 }, () => sb.addOrder({ status: "COMPLETED" }))
    const r = await kaspi(sb, `/v2/merchantreviews?page[number]=0&page[size]=50`)
    expect(r.status).toBe(200)
    expect(r.json.data.length).toBeGreaterThan(0)
    const ids = r.json.data.map((d: any) => d.id)
    for (const id of ids) expect(completed.map((o) => o.id)).toContain(id)
    const first = r.json.data[0]
    expect(first.type).toBe("merchantreviews")
    expect(first.attributes).toEqual({ rating: expect.any(Number), comment: expect.any(String), userName: expect.any(String), approvedDate: expect.any(Number), quality: expect.stringMatching(/POSITIVE|NEGATIVE/) })
    expect((await kaspi(sb, `/v2/merchantreviews/${first.id}`)).json.data).toEqual(first)
    expect((await kaspi(sb, `/v2/merchantreviews/${order.id}`)).status).toBe(404)
    const positive = await kaspi(sb, `/v2/merchantreviews?filter[merchantreviews][quality]=POSITIVE`)
    expect(positive.json.data.every((d: any) => d.attributes.rating >= 4)).toBe(true)
  })
})
