// The shapes Kaspi is known or likely to send (API.md a.0, a.1, a.4, a.8, appendix): both point-of-service
// id forms, nulls in optional fields, and status/state/deliveryMode strings the plugin does not know.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { GUIDE_EXAMPLE_VARIANTS } from "../variants"
import { DAY, STATES, control, decodeB64, kaspi, listUrl, start } from "./helpers"

const T0 = Date.UTC(2025, 9, 1, 9, 0, 0)

describe("variants Kaspi sends", () => {
  let sb: KaspiSandbox
  let seeded: SandboxOrder[]
  /** every seeded order as the API renders it, with its included entries */
  const rendered = new Map<string, { attributes: any; entries: any[] }>()

  beforeAll(async () => {
    sb = await start({ tokens: ["test-token", "other-shop"], startTime: T0 })
    seeded = sb.seedOrders({ count: 200, seed: 7, from: T0 - 2 * DAY, to: T0 })
    for (const state of STATES) {
      for (let page = 0; ; page++) {
        const r = await kaspi(sb, listUrl({ "page[number]": page, "page[size]": 100, "filter[orders][state]": state, "filter[orders][creationDate][$ge]": T0 - 3 * DAY, "filter[orders][creationDate][$le]": T0, "include[orders]": "entries" }))
        expect(r.status).toBe(200)
        for (const d of r.json.data) {
          const ids = d.relationships.entries.data.map((x: any) => x.id)
          rendered.set(d.attributes.code, { attributes: d.attributes, entries: r.json.included.filter((i: any) => ids.includes(i.id)) })
        }
        if (page + 1 >= r.json.meta.pageCount) break
      }
    }
  })
  afterAll(() => sb.close())

  it("seeded data mixes every variant, deterministically per order", () => {
    expect(rendered.size).toBe(200)
    const v = seeded.map((o) => o.variants)
    expect(v.some((x) => x.pointOfServiceId === "plain")).toBe(true)
    expect(v.some((x) => x.pointOfServiceId === "base64")).toBe(true)
    expect(v.some((x) => x.nullCustomerId)).toBe(true)
    expect(v.some((x) => !x.nullCustomerId)).toBe(true)
    const kd = seeded.filter((o) => o.isKaspiDelivery).map((o) => o.variants.originAddress)
    expect(new Set(kd)).toEqual(new Set(["full", "nullId", "absent"]))
    expect(v.some((x) => x.explicitNulls)).toBe(true)
    expect(v.some((x) => x.nullCategory.length > 0)).toBe(true)
    expect(v.some((x) => x.nullOfferName.length > 0)).toBe(true)
    expect(seeded.some((o) => o.variants.sparseDeliveryAddress && o.deliveryAddress)).toBe(true)
    // the same code always gets the same variants
    const again = sb.getOrder(seeded[0].code)
    expect(again?.variants).toEqual(seeded[0].variants)
  })

  it("renders each order in its variant", () => {
    for (const o of seeded) {
      const { attributes: a, entries } = rendered.get(o.code)!
      const v = o.variants
      expect(a.customer.id).toBe(v.nullCustomerId ? null : o.customer.id)
      if (!o.isKaspiDelivery || v.originAddress === "absent") expect(a).not.toHaveProperty("originAddress")
      else if (v.originAddress === "nullId") expect(a.originAddress.id).toBeNull()
      else expect(a.originAddress.id).toBe(v.pointOfServiceId === "plain" ? `30123456_${o.storeId}` : Buffer.from(`30123456_${o.storeId}`).toString("base64").replace(/=+$/, ""))
      for (const f of ["plannedDeliveryDate", "reservationDate"] as const) {
        if (o[f] !== null) expect(a[f]).toBe(o[f])
        else if (v.explicitNulls) expect(a).toHaveProperty(f, null)
        else expect(a).not.toHaveProperty(f)
      }
      if (!o.deliveryAddress) {
        if (v.explicitNulls) expect(a).toHaveProperty("deliveryAddress", null)
        else expect(a).not.toHaveProperty("deliveryAddress")
      } else if (v.sparseDeliveryAddress) {
        expect(a.deliveryAddress).toMatchObject({ streetName: null, streetNumber: null, town: null, latitude: null, longitude: null, formattedAddress: o.deliveryAddress.formattedAddress })
      } else {
        expect(a.deliveryAddress).toEqual(o.deliveryAddress)
      }
      expect(entries).toHaveLength(o.entries.length)
      for (const e of entries) {
        const n = e.attributes.entryNumber
        expect(e.attributes.category === null).toBe(v.nullCategory.includes(n))
        expect(e.attributes.offer.name === null).toBe(v.nullOfferName.includes(n))
        expect(e.attributes.offer.code).toBe(o.entries[n].sku)
        const pos = e.relationships.deliveryPointOfService.data.id
        if (v.pointOfServiceId === "plain") expect(pos).toMatch(/^30123456_PP\d$/)
        else expect(decodeB64(pos)).toMatch(/^30123456_PP\d$/)
      }
    }
  })

  describe("point-of-service ids (API.md a.0, a.4, a.8)", () => {
    let plain: SandboxOrder
    let b64: SandboxOrder
    beforeAll(() => {
      plain = sb.addOrder({ storeId: "PP1", variants: { pointOfServiceId: "plain" } })
      b64 = sb.addOrder({ storeId: "PP2", variants: { pointOfServiceId: "base64" } })
    })

    it("entries carry the plain 16483752_PP1 form or the base64 form", async () => {
      const p = (await kaspi(sb, `/v2/orders/${plain.id}/entries`)).json.data[0]
      expect(p.relationships.deliveryPointOfService.data).toEqual({ type: "pointofservices", id: "30123456_PP1" })
      const b = (await kaspi(sb, `/v2/orders/${b64.id}/entries`)).json.data[0]
      expect(decodeB64(b.relationships.deliveryPointOfService.data.id)).toBe("30123456_PP2")
    })

    it("GET /v2/pointofservices/{id} and …/city accept both forms", async () => {
      for (const [id, storeId, city] of [
        ["30123456_PP1", "PP1", "Алматы"],
        [Buffer.from("30123456_PP1").toString("base64").replace(/=+$/, ""), "PP1", "Алматы"],
        ["30123456_PP2", "PP2", "Астана"],
        [Buffer.from("30123456_PP2").toString("base64"), "PP2", "Астана"],
      ]) {
        const r = await kaspi(sb, `/v2/pointofservices/${id}`)
        expect({ id, status: r.status }).toEqual({ id, status: 200 })
        expect(r.json.data).toMatchObject({ type: "pointofservices", id: id.replace(/=+$/, ""), attributes: { displayName: storeId } })
        const c = await kaspi(sb, `/v2/pointofservices/${id}/city`)
        expect(c.json.data.attributes.name).toBe(city)
      }
    })

    it("the entry's deliveryPointOfService answers in the order's form; other shops and junk are 404", async () => {
      const p = await kaspi(sb, `/v2/orderentries/${plain.entries[0].id}/deliveryPointOfService`)
      expect(p.json.data.id).toBe("30123456_PP1")
      const b = await kaspi(sb, `/v2/orderentries/${b64.entries[0].id}/deliveryPointOfService`)
      expect(decodeB64(b.json.data.id)).toBe("30123456_PP2")
      expect((await kaspi(sb, `/v2/pointofservices/30123456_PP1`, { token: "other-shop" })).status).toBe(404)
      expect((await kaspi(sb, `/v2/pointofservices/30123456_PP9`)).status).toBe(404)
      expect((await kaspi(sb, `/v2/pointofservices/PP1`)).status).toBe(404)
    })
  })

  it("nulls can be forced per order, and guide-example variants pinned", async () => {
    const o = sb.addOrder({
      deliveryMode: "DELIVERY_LOCAL",
      isKaspiDelivery: true,
      entries: [{ sku: "A" }, { sku: "B" }],
      variants: { nullCustomerId: true, originAddress: "nullId", nullCategory: [1], nullOfferName: [0], explicitNulls: true, sparseDeliveryAddress: true },
    })
    const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
    expect(a.customer.id).toBeNull()
    expect(a.originAddress.id).toBeNull()
    expect(a.originAddress.displayName).toBe(o.storeId)
    expect(a.deliveryAddress.formattedAddress).toEqual(expect.any(String))
    expect(a.deliveryAddress.streetName).toBeNull()
    const [e0, e1] = (await kaspi(sb, `/v2/orders/${o.id}/entries`)).json.data
    expect(e0.attributes.offer).toEqual({ code: "A", name: null })
    expect(e0.attributes.category).toEqual(expect.objectContaining({ code: expect.any(String) }))
    expect(e1.attributes.category).toBeNull()
    expect(e1.attributes.offer.name).toEqual(expect.any(String))

    const pickup = sb.addOrder({ deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: true, variants: { originAddress: "absent", explicitNulls: true } })
    const pa = (await kaspi(sb, `/v2/orders/${pickup.id}`)).json.data.attributes
    expect(pa).not.toHaveProperty("originAddress")
    expect(pa.deliveryAddress).toBeNull()

    const pinned = sb.addOrder({ variants: GUIDE_EXAMPLE_VARIANTS })
    expect(pinned.variants).toEqual(GUIDE_EXAMPLE_VARIANTS)
  })

  it("refuses bad variant overrides", async () => {
    expect(() => sb.addOrder({ variants: { pointOfServiceId: "hex" as never } })).toThrow(/pointOfServiceId/)
    expect(() => sb.addOrder({ variants: { nullCategory: ["x" as never] } })).toThrow(/nullCategory/)
    expect((await control(sb, "POST", "/orders", { variants: { shiny: true } })).status).toBe(400)
  })

  describe("unknown status/state/deliveryMode strings: POST /__sandbox/orders/:code/raw", () => {
    it("renders arbitrary strings without changing the order", async () => {
      const o = sb.addOrder({ creationDate: T0 - 1000, deliveryMode: "DELIVERY_PICKUP" })
      const r = await control(sb, "POST", `/orders/${o.code}/raw`, { status: "AWAITING_SOMETHING_NEW", state: "SOME_NEW_TAB", deliveryMode: "DELIVERY_DRONE" })
      expect(r.status).toBe(200)
      expect(r.json.rawValues).toEqual({ status: "AWAITING_SOMETHING_NEW", state: "SOME_NEW_TAB", deliveryMode: "DELIVERY_DRONE" })
      expect(r.json.status).toBe("APPROVED_BY_BANK")
      const a = (await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes
      expect(a).toMatchObject({ status: "AWAITING_SOMETHING_NEW", state: "SOME_NEW_TAB", deliveryMode: "DELIVERY_DRONE", code: o.code })
      // still listed under its real state, and the state machine still works on the real status
      const list = await kaspi(sb, listUrl({ "page[number]": 0, "page[size]": 100, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": T0 - DAY }))
      expect(list.json.data.find((d: any) => d.id === o.id).attributes.state).toBe("SOME_NEW_TAB")
      const byCode = await kaspi(sb, `/v2/orders?filter[orders][code]=${o.code}`)
      expect(byCode.json.data[0].attributes.status).toBe("AWAITING_SOMETHING_NEW")
      // {} clears; the in-code API does the same
      await control(sb, "POST", `/orders/${o.code}/raw`, {})
      expect((await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes).toMatchObject({ status: "APPROVED_BY_BANK", state: "NEW", deliveryMode: "DELIVERY_PICKUP" })
      sb.setRawValues(o.code, { status: "X_STATUS" })
      expect((await kaspi(sb, `/v2/orders/${o.id}`)).json.data.attributes).toMatchObject({ status: "X_STATUS", state: "NEW" })
    })

    it("validates its body", async () => {
      const o = sb.addOrder({})
      expect((await control(sb, "POST", `/orders/${o.code}/raw`, { status: 5 })).status).toBe(400)
      expect((await control(sb, "POST", `/orders/${o.code}/raw`, { paymentMode: "X" })).status).toBe(400)
      expect((await control(sb, "POST", `/orders/1/raw`, { status: "X" })).status).toBe(404)
    })
  })
})
