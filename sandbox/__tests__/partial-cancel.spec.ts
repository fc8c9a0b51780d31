// Partial cancellation (orderEntryCancelOperation, orderPartialCancel) and IMEI.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { ENTRY_CANCEL_TITLES } from "../entry-cancel"
import { PARTIAL_CANCEL_TITLES } from "../routes/partial-cancel"
import { kaspi, postStatus, start } from "./helpers"

function cancelBody(entryId: string, remainedQuantity: unknown, reason: unknown = "MERCHANT_OUT_OF_STOCK") {
  return {
    data: {
      type: "orderEntryCancelOperation",
      attributes: { notes: "Отказ клиента", remainedQuantity, reason },
      relationships: { entry: { data: { type: "orderentries", id: entryId } } },
    },
  }
}

describe("partial cancellation", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start()
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const twoLines = (o: Partial<Parameters<KaspiSandbox["addOrder"]>[0]> = {}): SandboxOrder =>
    sb.addOrder({
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: false,
      deliveryCost: 500,
      entries: [
        { sku: "A-1", quantity: 3, basePrice: 1000 },
        { sku: "B-2", quantity: 1, basePrice: 2500 },
      ],
      ...o,
    })

  describe("POST /v2/orderEntryCancelOperation", () => {
    it("keeps remainedQuantity and recalculates entry and order totals", async () => {
      const o = twoLines()
      expect(o.totalPrice).toBe(3000 + 2500 + 500)
      const r = await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[0].id, 1) })
      expect(r.status).toBe(200)
      expect(r.json.data).toMatchObject({ type: "orderEntryCancelOperation", attributes: { remainedQuantity: 1, status: "SUCCESSFULL" } })
      expect(r.json.data.relationships.entry.data).toBeNull()
      const e = (await kaspi(sb, `/v2/orderentries/${o.entries[0].id}`)).json.data.attributes
      expect(e).toMatchObject({ quantity: 1, totalPrice: 1000 })
      const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(a.totalPrice).toBe(1000 + 2500 + 500)
      expect(sb.actions().map((x) => [x.action, x.result, x.code])).toEqual([["ENTRY_CANCEL", "ok", o.code]])
    })

    it("remainedQuantity 0 keeps the line with quantity 0 and totalPrice 0 (default zeroQuantityLines: keep)", async () => {
      const o = twoLines()
      const r = await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[1].id, 0, "BUYER_CANCELLATION_BY_MERCHANT") })
      expect(r.status).toBe(200)
      expect(r.json.data.attributes.remainedQuantity).toBe(0)
      const entries = (await kaspi(sb, `/v2/orders/${o.id}/entries`)).json.data
      expect(entries.map((e: any) => [e.attributes.offer.code, e.attributes.quantity, e.attributes.totalPrice])).toEqual([
        ["A-1", 3, 3000],
        ["B-2", 0, 0],
      ])
      const line = await kaspi(sb, `/v2/orderentries/${o.entries[1].id}`)
      expect(line.status).toBe(200)
      expect(line.json.data.attributes).toMatchObject({ quantity: 0, totalPrice: 0, basePrice: 2500 })
      // totals recalculated: 3000 + 0 + delivery 500
      expect(sb.getOrder(o.code)?.totalPrice).toBe(3500)
      expect((await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes.totalPrice).toBe(3500)
      // a kept 0 line can't be cancelled again, and the last non-empty line stays protected
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[1].id, 0) })).json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.quantityTooLarge)
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[0].id, 0) })).json.errors[0].title).toMatch(/last entry/)
    })

    it("zeroQuantityLines: remove drops the line instead", async () => {
      const s2 = await start({ zeroQuantityLines: "remove" })
      try {
        const o = s2.addOrder({ deliveryCost: 500, entries: [{ sku: "A-1", quantity: 3, basePrice: 1000 }, { sku: "B-2", quantity: 1, basePrice: 2500 }] })
        expect((await kaspi(s2, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[1].id, 0, "BUYER_CANCELLATION_BY_MERCHANT") })).status).toBe(200)
        const entries = (await kaspi(s2, `/v2/orders/${o.id}/entries`)).json.data
        expect(entries.map((e: any) => e.attributes.offer.code)).toEqual(["A-1"])
        expect((await kaspi(s2, `/v2/orderentries/${o.entries[1].id}`)).status).toBe(404)
        expect(s2.getOrder(o.code)?.totalPrice).toBe(3500)
      } finally {
        await s2.close()
      }
    })

    it.each([
      [3, ENTRY_CANCEL_TITLES.quantityTooLarge],
      [4, ENTRY_CANCEL_TITLES.quantityTooLarge],
      [-1, ENTRY_CANCEL_TITLES.quantityNegative],
      ["one", ENTRY_CANCEL_TITLES.quantityNotInteger],
    ])("refuses remainedQuantity %p", async (q, title) => {
      const o = twoLines()
      const r = await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[0].id, q) })
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(title)
      expect(sb.getOrder(o.code)?.totalPrice).toBe(6000)
    })

    it("refuses unknown reasons, unknown entries and the last line", async () => {
      const o = twoLines()
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(o.entries[0].id, 1, "PRODUCT_UNDERWEIGHT") })).json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.reasonNotAllowed)
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody("MTIzIyM5", 1) })).status).toBe(404)
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: { data: { attributes: {} } } })).json.errors[0].title).toBe(PARTIAL_CANCEL_TITLES.entryRequired)
      const single = sb.addOrder({ entries: [{ sku: "X", quantity: 2, basePrice: 100 }] })
      const r = await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(single.entries[0].id, 0) })
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toMatch(/last entry/)
    })

    it("refuses assembled and completed orders", async () => {
      const k = twoLines({ isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })
      await postStatus(sb, k.id, k.code, "ASSEMBLE", { numberOfSpace: 1 })
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(k.entries[0].id, 1) })).json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.orderAssembled)
      const c = twoLines({ status: "COMPLETED" })
      expect((await kaspi(sb, "/v2/orderEntryCancelOperation", { body: cancelBody(c.entries[0].id, 1) })).json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.orderNotActive)
    })
  })

  describe("PUT /shop/api/orderPartialCancel/{orderId}", () => {
    it("cancels several lines at once", async () => {
      const o = twoLines({ entries: [{ sku: "A-1", quantity: 3, basePrice: 1000 }, { sku: "B-2", quantity: 2, basePrice: 2500 }] })
      const body = [
        { entry: { id: o.entries[0].id }, remainedQuantity: 1, remainedWeight: 1000, reason: "MERCHANT_OUT_OF_STOCK", notes: "merchant out of stock" },
        { entry: { id: o.entries[1].id }, remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK", notes: "merchant out of stock" },
      ]
      const r = await kaspi(sb, `/orderPartialCancel/${o.id}`, { method: "PUT", body })
      expect(r.status).toBe(200)
      expect(r.json.status).toBe("SUCCESSFUL")
      expect(r.json.orderCancelEntries).toHaveLength(2)
      expect(r.json.orderCancelEntries[0]).toEqual({
        id: expect.any(String),
        notes: "merchant out of stock",
        entry: { id: o.entries[0].id },
        remainedQuantity: 1,
        remainedWeight: 0,
        reason: "MERCHANT_OUT_OF_STOCK",
      })
      expect(sb.getOrder(o.code)?.totalPrice).toBe(1000 + 2500 + 500)
      expect(sb.actions().map((x) => [x.action, x.result, x.orderId, x.code])).toEqual([["PARTIAL_CANCEL", "ok", o.id, o.code]])
    })

    it("PRODUCT_UNDERWEIGHT sets the weight of a weighted line", async () => {
      const o = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", entries: [{ sku: "APPLE-APORT-KG", unitType: "MEASURABLE", basePrice: 890, weight: 1500 }] })
      expect(o.entries[0].totalPrice).toBe(Math.round(890 * 1.5))
      const r = await kaspi(sb, `/orderPartialCancel/${o.id}`, {
        method: "PUT",
        body: [{ entry: { id: o.entries[0].id }, remainedWeight: 280, remainedQuantity: 1, reason: "PRODUCT_UNDERWEIGHT", notes: "Недовес по товару" }],
      })
      expect(r.status).toBe(200)
      expect(r.json.orderCancelEntries[0]).toMatchObject({ remainedWeight: 280, remainedQuantity: 1, reason: "PRODUCT_UNDERWEIGHT" })
      const e = (await kaspi(sb, `/v2/orderentries/${o.entries[0].id}`)).json.data.attributes
      expect(e).toMatchObject({ weight: 280, totalPrice: Math.round(890 * 0.28) })
      expect(sb.getOrder(o.code)?.totalPrice).toBe(Math.round(890 * 0.28))
    })

    it("is all-or-nothing and checks that entries belong to the order", async () => {
      const o = twoLines()
      const other = twoLines()
      const bad = await kaspi(sb, `/orderPartialCancel/${o.id}`, {
        method: "PUT",
        body: [
          { entry: { id: o.entries[0].id }, remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK" },
          { entry: { id: o.entries[1].id }, remainedQuantity: 5, reason: "MERCHANT_OUT_OF_STOCK" },
        ],
      })
      expect(bad.status).toBe(400)
      expect(bad.json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.quantityTooLarge)
      expect(sb.getOrder(o.code)?.entries[0].quantity).toBe(3)
      const foreign = await kaspi(sb, `/orderPartialCancel/${o.id}`, { method: "PUT", body: [{ entry: { id: other.entries[0].id }, remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK" }] })
      expect(foreign.json.errors[0].title).toBe(PARTIAL_CANCEL_TITLES.entryNotInOrder)
      const underweightPieces = await kaspi(sb, `/orderPartialCancel/${o.id}`, { method: "PUT", body: [{ entry: { id: o.entries[0].id }, remainedWeight: 10, reason: "PRODUCT_UNDERWEIGHT" }] })
      expect(underweightPieces.json.errors[0].title).toBe(ENTRY_CANCEL_TITLES.underweightNotWeighted)
      expect((await kaspi(sb, `/orderPartialCancel/${o.id}`, { method: "PUT", body: [] })).json.errors[0].title).toBe(PARTIAL_CANCEL_TITLES.notArray)
      expect((await kaspi(sb, `/orderPartialCancel/NOPE`, { method: "PUT", body: [] })).status).toBe(404)
      expect(sb.actions().every((a) => a.action === "PARTIAL_CANCEL" && a.result === "rejected")).toBe(true)
    })
  })

  describe("POST /v2/orderEntryImeiOperation", () => {
    it.each([
      ["attributes.items strings", (id: string) => ({ data: { type: "orderEntryImeiOperation", attributes: { items: ["356938035643809"] }, relationships: { entry: { data: { type: "orderentries", id } } } } })],
      ["items[{imei}]", (id: string) => ({ data: { type: "orderEntryImeiOperation", attributes: { items: [{ imei: ["356938035643809"] }] }, relationships: { entry: { data: { type: "orderentries", id } } } } })],
    ])("accepts %s", async (_name, body) => {
      const o = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT", entries: [{ sku: "SM-A155F-BLK", quantity: 1 }] })
      const r = await kaspi(sb, "/v2/orderEntryImeiOperation", { body: body(o.entries[0].id) })
      expect(r.status).toBe(200)
      expect(r.json.data.attributes.status).toBe("SUCCESSFUL")
      expect(sb.getOrder(o.code)?.entries[0].imei).toEqual(["356938035643809"])
      expect(sb.actions().map((a) => [a.action, a.result, a.code])).toEqual([["IMEI", "ok", o.code]])
    })
    it("refuses empty items", async () => {
      const o = sb.addOrder({ status: "ACCEPTED_BY_MERCHANT" })
      const r = await kaspi(sb, "/v2/orderEntryImeiOperation", { body: { data: { attributes: { items: [] }, relationships: { entry: { data: { id: o.entries[0].id } } } } } })
      expect(r.status).toBe(400)
    })
  })
})
