// The control API under /__sandbox/ (no token, JSON in/out).

import type { KaspiSandbox } from "../index"
import { DAY, control, kaspi, postStatus, start } from "./helpers"

describe("control API", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ tokens: ["test-token", "shop-b"] })
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  it("GET /health", async () => {
    const r = await control(sb, "GET", "/health")
    expect(r.json).toMatchObject({ ok: true, merchants: ["30123456", "30123457"], orders: 0, clock: { now: expect.any(Number) }, faults: { rate: 0, kinds: [] } })
  })

  it("POST /seed and GET /orders, /orders/:code", async () => {
    const r = await control(sb, "POST", "/seed", { count: 5, seed: 9, merchantId: "30123457" })
    expect(r.status).toBe(200)
    expect(r.json.count).toBe(5)
    expect(r.json.orders[0]).toEqual({ code: expect.any(String), id: expect.any(String), merchantId: "30123457", status: expect.any(String), state: expect.any(String) })
    const list = await control(sb, "GET", "/orders?merchantId=30123457")
    expect(list.json.orders).toHaveLength(5)
    const one = await control(sb, "GET", `/orders/${r.json.orders[0].code}`)
    expect(one.json).toMatchObject({ code: r.json.orders[0].code, securityCode: null, realCellPhone: expect.any(String) })
    expect(Array.isArray(one.json.entries) && one.json.entries.length > 0).toBe(true)
    expect((await control(sb, "GET", "/orders/42")).status).toBe(404)
    expect((await control(sb, "POST", "/seed", { count: "many" })).status).toBe(400)
  })

  it("POST /orders adds one order", async () => {
    const r = await control(sb, "POST", "/orders", { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", entries: [{ sku: "SKU-9", quantity: 1, basePrice: 990 }] })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ status: "ACCEPTED_BY_MERCHANT", state: "PICKUP", totalPrice: 990, merchantId: "30123456" })
    const api = await kaspi(sb, `/v2/orders/${r.json.id}`)
    expect(api.json.data.attributes.code).toBe(r.json.code)
    expect((await control(sb, "POST", "/orders", { token: "unknown" })).status).toBe(400)
  })

  it("corruptOrder breaks only how the API renders an order", async () => {
    const o = sb.addOrder({})
    sb.corruptOrder(o.code, { totalPrice: "7000 ₸" }, { remove: ["customer"] })
    const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
    expect(a.totalPrice).toBe("7000 ₸")
    expect(a.customer).toBeUndefined()
    expect(a.code).toBe(o.code)
    expect(sb.getOrder(o.code)?.totalPrice).toBe(o.totalPrice)
    // the control API does the same; an empty body repairs it
    const r = await control(sb, "POST", `/orders/${o.code}/corrupt`, { attributes: { state: 42 } })
    expect(r.status).toBe(200)
    expect((await kaspi(sb, `/v2/orders?filter[orders][code]=${o.code}`)).json.data[0].attributes.state).toBe(42)
    await control(sb, "POST", `/orders/${o.code}/corrupt`, {})
    expect((await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes).toMatchObject({ state: "NEW", totalPrice: o.totalPrice })
    expect((await control(sb, "POST", `/orders/1/corrupt`, {})).status).toBe(404)
  })

  it("clock: GET, advance, set", async () => {
    const before = (await control(sb, "GET", "/clock")).json.now
    const adv = await control(sb, "POST", "/clock", { advanceMs: DAY })
    expect(adv.json.now - before).toBeGreaterThanOrEqual(DAY)
    expect(adv.json.now - before).toBeLessThan(DAY + 5000)
    const set = await control(sb, "POST", "/clock", { set: Date.UTC(2030, 0, 1) })
    expect(set.json.now).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1))
    expect(set.json.iso).toMatch(/^2030-01-01T/)
    expect(sb.now()).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1))
    expect((await control(sb, "POST", "/clock", {})).status).toBe(400)
    // orders added now get the sandbox time
    const o = sb.addOrder({})
    expect(o.creationDate).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1))
  })

  it("GET /actions counts exactly-once delivery", async () => {
    const o = sb.addOrder({})
    await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    const all = await control(sb, "GET", "/actions")
    expect(all.json.actions).toHaveLength(2)
    const ok = await control(sb, "GET", `/actions?code=${o.code}&action=ACCEPTED_BY_MERCHANT&result=ok`)
    expect(ok.json.actions).toHaveLength(1)
    expect(ok.json.actions[0]).toMatchObject({ merchantId: "30123456", method: "POST", path: "/shop/api/v2/orders", orderId: o.id, code: o.code, result: "ok", at: expect.any(Number), seq: 1 })
  })

  it("GET /requests lists API requests with counts by route", async () => {
    const o = sb.addOrder({})
    await kaspi(sb, `/v2/orders/${o.id}`)
    await kaspi(sb, `/v2/orders/${o.id}`)
    await kaspi(sb, `/v2/cities`)
    await kaspi(sb, `/v2/cities`, { token: null })
    const r = await control(sb, "GET", "/requests")
    expect(r.json.total).toBe(4)
    expect(r.json.countsByRoute).toEqual({ "GET /v2/orders/:id": 2, "GET /v2/cities": 2 })
    expect(r.json.requests.map((x: any) => x.status)).toEqual([200, 200, 200, 401])
    expect(r.json.requests[3].merchantId).toBeNull()
    expect(r.json.requests[0]).toMatchObject({ method: "GET", path: `/shop/api/v2/orders/${o.id}`, route: "GET /v2/orders/:id", merchantId: "30123456" })
  })

  it("POST /reset clears orders, records, faults and the clock", async () => {
    sb.addOrder({})
    sb.advanceClock(10 * DAY)
    sb.setFaults({ rate: 1, kinds: ["429"] })
    await kaspi(sb, "/v2/cities")
    expect((await control(sb, "POST", "/reset")).json).toEqual({ ok: true })
    expect(sb.requests()).toEqual([])
    expect((await control(sb, "GET", "/orders")).json.orders).toEqual([])
    expect(Math.abs(sb.now() - Date.now())).toBeLessThan(5000)
    expect((await kaspi(sb, "/v2/cities")).status).toBe(200)
  })

  it("answers unknown routes, wrong methods and bad JSON with errors", async () => {
    expect((await control(sb, "GET", "/nope")).status).toBe(404)
    expect((await control(sb, "DELETE", "/health")).status).toBe(405)
    const res = await fetch(`${sb.origin}/__sandbox/seed`, { method: "POST", body: "{oops" })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatch(/not valid JSON/)
  })
})
