// cabinet_cancel_entry: a line cancelled (or cut) by the merchant in the Kaspi cabinet, seen through the API.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { control, kaspi, postStatus, start } from "./helpers"

describe("cabinet_cancel_entry (Kaspi-side partial cancel, API.md a.12)", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start()
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const twoLines = (): SandboxOrder =>
    sb.addOrder({
      status: "ACCEPTED_BY_MERCHANT",
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: false,
      deliveryCost: 500,
      entries: [
        { sku: "A-1", quantity: 3, basePrice: 1000 },
        { sku: "B-2", quantity: 1, basePrice: 2500 },
      ],
    })
  const lines = async (o: SandboxOrder) =>
    (await kaspi(sb, `/v2/orders/${o.id}/entries`)).json.data.map((e: { attributes: { offer: { code: string }; quantity: number; totalPrice: number } }) => [
      e.attributes.offer.code,
      e.attributes.quantity,
      e.attributes.totalPrice,
    ])

  it("cuts a line's quantity by entryIndex: line and order totals recalculated, nothing in the write log", async () => {
    const o = twoLines()
    const before = sb.requests().length
    const view = sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })
    expect(view.totalPrice).toBe(1000 + 2500 + 500)
    expect(await lines(o)).toEqual([
      ["A-1", 1, 1000],
      ["B-2", 1, 2500],
    ])
    expect((await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes.totalPrice).toBe(4000)
    // the plugin never asked for it: no action, and no request but the two reads above
    expect(sb.actions()).toEqual([])
    expect(sb.requests().slice(before).map((r) => r.method)).toEqual(["GET", "GET"])
  })

  it("cancels a line by entryId via the control API: kept at quantity 0 (zeroQuantityLines: keep)", async () => {
    const o = twoLines()
    const r = await control(sb, "POST", `/orders/${o.code}/events`, { event: "cabinet_cancel_entry", entryId: o.entries[1].id, remainedQuantity: 0 })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ code: o.code, status: "ACCEPTED_BY_MERCHANT", totalPrice: 3000 + 500 })
    expect(await lines(o)).toEqual([
      ["A-1", 3, 3000],
      ["B-2", 0, 0],
    ])
    expect(sb.actions()).toEqual([])
  })

  it("zeroQuantityLines: remove drops the line", async () => {
    const s2 = await start({ zeroQuantityLines: "remove" })
    try {
      const o = s2.addOrder({ entries: [{ sku: "A-1", quantity: 3, basePrice: 1000 }, { sku: "B-2", quantity: 1, basePrice: 2500 }] })
      s2.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 1, remainedQuantity: 0 })
      const entries = (await kaspi(s2, `/v2/orders/${o.id}/entries`)).json.data
      expect(entries.map((e: { attributes: { offer: { code: string } } }) => e.attributes.offer.code)).toEqual(["A-1"])
    } finally {
      await s2.close()
    }
  })

  it("refuses what the partial cancel refuses: more than the line has, the last line, an assembled or closed order, an unknown line", async () => {
    const o = twoLines()
    expect(() => sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 3 })).toThrow(/less than the current quantity/)
    expect(() => sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0 })).toThrow(/remainedQuantity is required/)
    expect(() => sb.trigger(o.code, "cabinet_cancel_entry", { remainedQuantity: 1 })).toThrow(/entryId or entryIndex/)
    expect(() => sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 7, remainedQuantity: 1 })).toThrow(/no entry/)
    sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 1, remainedQuantity: 0 })
    expect(() => sb.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 0 })).toThrow(/last entry/)

    const kd = sb.addOrder({
      status: "ACCEPTED_BY_MERCHANT",
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: true,
      entries: [{ sku: "A-1", quantity: 2, basePrice: 1000 }, { sku: "B-2", quantity: 1, basePrice: 2500 }],
    })
    await postStatus(sb, kd.id, kd.code, "ASSEMBLE", { numberOfSpace: 1 })
    const r = await control(sb, "POST", `/orders/${kd.code}/events`, { event: "cabinet_cancel_entry", entryIndex: 0, remainedQuantity: 1 })
    expect(r.status).toBe(400)
    expect(r.json.error).toMatch(/assembled/)

    const gone = twoLines()
    sb.trigger(gone.code, "buyer_cancel", { immediate: true })
    expect(() => sb.trigger(gone.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })).toThrow(/current order status/)
    expect(sb.getOrder(gone.code)?.entries.map((e) => e.quantity)).toEqual([3, 1])
  })
})
