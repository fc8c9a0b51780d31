// The deterministic generator: same seed + input → identical orders; realistic, consistent data.

import type { KaspiSandbox, SandboxOrder, SeedInput } from "../index"
import { DAY, STATES, decodeB64, kaspi, listUrl, start } from "./helpers"

const T0 = Date.UTC(2025, 9, 1, 9, 0, 0)
const INPUT: SeedInput = { count: 40, seed: 42, from: T0 - 2 * DAY, to: T0 }

describe("seedOrders", () => {
  let a: KaspiSandbox
  let b: KaspiSandbox
  beforeAll(async () => {
    ;[a, b] = await Promise.all([start({ startTime: T0 }), start({ startTime: T0 })])
  })
  afterAll(() => Promise.all([a.close(), b.close()]))
  beforeEach(() => {
    a.reset()
    b.reset()
  })

  it("same seed + same input → byte-identical orders and API responses", async () => {
    const x = a.seedOrders(INPUT)
    const y = b.seedOrders(INPUT)
    expect(JSON.stringify(x)).toBe(JSON.stringify(y))
    // one state and one include per request (documented mode)
    let total = 0
    for (const state of STATES) {
      for (const include of ["entries", "user"]) {
        const url = listUrl({ "page[number]": 0, "page[size]": 100, "filter[orders][state]": state, "filter[orders][creationDate][$ge]": T0 - 3 * DAY, "filter[orders][creationDate][$le]": T0, "include[orders]": include })
        const ra = (await kaspi(a, url)).text.split(a.origin).join("ORIGIN")
        const rb = (await kaspi(b, url)).text.split(b.origin).join("ORIGIN")
        expect(ra).toBe(rb)
        if (include === "entries") total += JSON.parse(ra).meta.totalCount
      }
    }
    expect(total).toBe(40)
  })

  it("a different seed gives different orders", () => {
    const x = a.seedOrders(INPUT)
    const y = b.seedOrders({ ...INPUT, seed: 43 })
    expect(JSON.stringify(x)).not.toBe(JSON.stringify(y))
  })

  it("does not depend on what the sandbox did before (fresh codes aside from collisions)", () => {
    b.addOrder({})
    b.seedOrders({ count: 5, seed: 1 })
    const x = a.seedOrders(INPUT)
    const y = b.seedOrders(INPUT).filter(() => true)
    expect(y.map((o) => o.customer)).toEqual(x.map((o) => o.customer))
    expect(y.map((o) => o.entries.map((e) => e.sku))).toEqual(x.map((o) => o.entries.map((e) => e.sku)))
  })

  describe("the data", () => {
    let orders: SandboxOrder[]
    beforeEach(() => {
      orders = a.seedOrders({ count: 200, seed: 7, from: T0 - 2 * DAY, to: T0 })
    })

    it("keeps totals consistent: Σ entry totals + deliveryCost", () => {
      for (const o of orders) {
        const lines = o.entries.reduce((s, e) => s + e.totalPrice, 0)
        expect(o.totalPrice).toBeCloseTo(lines + o.deliveryCost, 2)
        for (const e of o.entries) {
          if (e.unitType === "PIECES") expect(e.totalPrice).toBe(e.basePrice * e.quantity)
          else expect(e.totalPrice).toBe(Math.round((e.basePrice * e.weight) / 1000))
        }
      }
      expect(orders.some((o) => o.entries.some((e) => e.unitType !== "PIECES"))).toBe(true)
    })

    it("uses the id conventions and unique, time-ordered codes", () => {
      const codes = orders.map((o) => o.code)
      expect(new Set(codes).size).toBe(orders.length)
      const sorted = [...orders].sort((p, q) => p.creationDate - q.creationDate)
      expect(sorted.map((o) => Number(o.code))).toEqual([...sorted.map((o) => Number(o.code))].sort((p, q) => p - q))
      for (const o of orders) {
        expect(o.code).toMatch(/^\d{9}$/)
        expect(decodeB64(o.id)).toBe(String(o.orderNo))
        expect(o.entries.length).toBeGreaterThanOrEqual(1)
        expect(o.entries.length).toBeLessThanOrEqual(3)
        o.entries.forEach((e, i) => {
          expect(e.entryNumber).toBe(i)
          expect(decodeB64(e.id)).toBe(`${o.orderNo}##${i}`)
        })
        expect(o.pickupPointId).toBe(`30123456_${o.storeId}`)
        expect(["PP1", "PP2"]).toContain(o.storeId)
        expect(o.creationDate).toBeGreaterThanOrEqual(T0 - 2 * DAY)
        expect(o.creationDate).toBeLessThanOrEqual(T0)
        expect(o.approvedByBankDate).toBeGreaterThan(o.creationDate)
      }
    })

    it("looks like Kazakhstan: names, 10-digit phones, cities, addresses", () => {
      for (const o of orders) {
        expect(o.customer.firstName).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$/)
        expect(o.customer.lastName).toMatch(/^[А-ЯЁ][а-яё]+$/)
        expect(o.realCellPhone).toMatch(/^7\d{9}$/)
        expect(decodeB64(o.customer.id)).toBe(o.realCellPhone)
        if (o.state === "ARCHIVE") expect(o.customer.cellPhone).toBe("+0(000)-000-00-00")
        else expect(o.customer.cellPhone).toBe(o.realCellPhone)
        const toDoor = o.deliveryMode === "DELIVERY_LOCAL" || o.deliveryMode === "DELIVERY_REGIONAL_TODOOR"
        expect(o.deliveryAddress !== null).toBe(toDoor)
        expect(o.kaspiDelivery !== null).toBe(o.isKaspiDelivery)
        if (o.deliveryMode === "DELIVERY_REGIONAL_TODOOR") expect(o.isKaspiDelivery).toBe(true)
        if (o.paymentMode === "PAY_WITH_CREDIT") expect(o.creditTerm).toEqual(expect.any(Number))
        else expect(o.creditTerm).toBeNull()
        if (o.status === "CANCELLED" || o.status === "CANCELLING") expect(o.cancellationReason).toEqual(expect.any(String))
        if (o.assembled && o.isKaspiDelivery) expect(o.kaspiDelivery?.waybillNumber).toMatch(/^\d{9}$/)
      }
      // a realistic mix
      const modes = new Set(orders.map((o) => `${o.deliveryMode}/${o.isKaspiDelivery}`))
      expect(modes.size).toBeGreaterThanOrEqual(5)
      const statuses = new Set(orders.map((o) => o.status))
      expect(statuses.size).toBeGreaterThanOrEqual(5)
      expect(orders.some((o) => o.deliveryAddress?.streetName?.startsWith(" "))).toBe(true)
      expect(orders.some((o) => o.state === "SIGN_REQUIRED")).toBe(true)
    })
  })

  it("uses the given SKUs and stores", () => {
    const orders = a.seedOrders({
      count: 30,
      seed: 3,
      skus: [{ sku: "MY-SKU-1", name: "Чайник", price: 12990 }, { sku: "MY-SKU-2", price: 990 }, { sku: "MY-KG", price: 2000, weighted: true }],
      stores: ["PP7"],
    })
    for (const o of orders) {
      expect(o.pickupPointId).toBe("30123456_PP7")
      for (const e of o.entries) expect(["MY-SKU-1", "MY-SKU-2", "MY-KG"]).toContain(e.sku)
    }
    const all = orders.flatMap((o) => o.entries)
    expect(all.find((e) => e.sku === "MY-SKU-1")).toMatchObject({ name: "Чайник", basePrice: 12990, unitType: "PIECES" })
    expect(all.find((e) => e.sku === "MY-KG")).toMatchObject({ unitType: "MEASURABLE", basePrice: 2000 })
  })

  it("follows the mix", () => {
    const orders = a.seedOrders({ count: 20, seed: 5, mix: { deliveryModes: { postomat: 1 }, statuses: { APPROVED_BY_BANK: 1 }, preOrder: 1, credit: 0 } })
    for (const o of orders) {
      expect(o).toMatchObject({ deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: true, status: "APPROVED_BY_BANK", state: "NEW", preOrder: true, paymentMode: "PREPAID" })
      expect(o.reservationDate).toBeGreaterThan(o.creationDate)
    }
  })

  it("defaults to the last 2 days of sandbox time and targets a merchant by token", async () => {
    const s = await start({ tokens: ["t1", "t2"], startTime: T0 })
    try {
      const orders = s.seedOrders({ count: 10, token: "t2" })
      for (const o of orders) {
        expect(o.merchantId).toBe("30123457")
        expect(o.creationDate).toBeGreaterThanOrEqual(T0 - 2 * DAY)
        expect(o.creationDate).toBeLessThanOrEqual(s.now())
      }
      expect(() => s.seedOrders({ count: 1, token: "nope" })).toThrow(/does not match/)
    } finally {
      await s.close()
    }
  })

  it("validates its input", () => {
    expect(() => a.seedOrders({ count: -1 })).toThrow(/count/)
    expect(() => a.seedOrders({ count: 1, skus: [] })).toThrow(/skus/)
    expect(() => a.seedOrders({ count: 1, skus: [{ sku: "X", price: 0 }] })).toThrow(/price/)
    expect(() => a.seedOrders({ count: 1, from: T0, to: T0 - 1 })).toThrow(/from/)
    expect(() => a.seedOrders({ count: 1, mix: { deliveryModes: { drone: 1 } as never } })).toThrow(/unknown key drone/)
    expect(() => a.seedOrders({ count: 1, mix: { statuses: { COMPLETED: 0 } } })).toThrow(/positive weight/)
    expect(() => a.seedOrders({ count: 1, mix: { preOrder: 2 } })).toThrow(/probability/)
  })

  it("addOrder applies overrides exactly", () => {
    const o = a.addOrder({
      code: "123456789",
      status: "ACCEPTED_BY_MERCHANT",
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: false,
      creationDate: T0 - 1000,
      paymentMode: "PREPAID",
      preOrder: true,
      storeId: "PP3",
      deliveryCost: 700,
      customer: { firstName: "Нурлан", lastName: "Ахметов", cellPhone: "7001112233" },
      entries: [{ sku: "S-1", quantity: 2, basePrice: 1500 }],
    })
    expect(o).toMatchObject({
      code: "123456789",
      status: "ACCEPTED_BY_MERCHANT",
      state: "DELIVERY",
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: false,
      creationDate: T0 - 1000,
      paymentMode: "PREPAID",
      creditTerm: null,
      preOrder: true,
      pickupPointId: "30123456_PP3",
      totalPrice: 3700,
      customer: { firstName: "Нурлан", lastName: "Ахметов", cellPhone: "7001112233" },
    })
    expect(o.kaspiDelivery).toBeNull()
    expect(() => a.addOrder({ code: "123456789" })).toThrow(/already exists/)
  })
})
