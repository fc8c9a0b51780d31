// GET /v2/orders: validation, paging, filters, code lookup, includes, per-token isolation.
// Requests are in the documented form (one state per request); the refusals are in documented-list.spec.ts.

import type { KaspiSandbox, SandboxOrder } from "../index"
import { LIST_TITLES } from "../routes/orders-list"
import { DAY, STATES, kaspi, listUrl, start } from "./helpers"

const T0 = Date.UTC(2025, 4, 20, 6, 0, 0)

describe("GET /v2/orders", () => {
  let sb: KaspiSandbox
  let now: number
  const created: SandboxOrder[] = []

  beforeAll(async () => {
    sb = await start({ tokens: ["test-token", "other-shop"], startTime: T0 })
    now = sb.now()
    const add = (o: Parameters<KaspiSandbox["addOrder"]>[0]) => {
      const order = sb.addOrder(o)
      created.push(order)
      return order
    }
    add({ creationDate: T0 - 5 * 3600_000, deliveryMode: "DELIVERY_PICKUP", status: "APPROVED_BY_BANK" })
    add({ creationDate: T0 - 4 * 3600_000, deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: false, status: "APPROVED_BY_BANK" })
    add({ creationDate: T0 - 3 * 3600_000, deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, status: "ACCEPTED_BY_MERCHANT" })
    add({ creationDate: T0 - 2 * 3600_000, deliveryMode: "DELIVERY_PICKUP", status: "APPROVED_BY_BANK", paymentMode: "PAY_WITH_CREDIT", signatureRequired: true })
    add({ creationDate: T0 - 2 * 3600_000, deliveryMode: "DELIVERY_REGIONAL_PICKUP", status: "APPROVED_BY_BANK" })
    add({ creationDate: T0 - 1 * 3600_000, deliveryMode: "DELIVERY_PICKUP", status: "COMPLETED" })
    // outside any 14-day window
    add({ creationDate: T0 - 30 * DAY, deliveryMode: "DELIVERY_PICKUP", status: "COMPLETED" })
    // in the (sandbox) future: excluded when $le defaults to now
    add({ creationDate: T0 + 3600_000, deliveryMode: "DELIVERY_PICKUP", status: "APPROVED_BY_BANK" })
    // another merchant
    sb.addOrder({ token: "other-shop", creationDate: T0 - 3600_000, status: "APPROVED_BY_BANK" })
  })
  afterAll(() => sb.close())

  const base = () => ({
    "page[number]": 0,
    "page[size]": 100,
    "filter[orders][state]": "NEW",
    "filter[orders][creationDate][$ge]": now - 13 * DAY,
  })
  const codesOf = (r: { json: any }) => r.json.data.map((d: any) => d.attributes.code)
  /** created[] positions in state NEW inside the window: 0, 1 and 4 */
  const NEW_IDX = [0, 1, 4]
  const codesAt = (idx: number[]) => idx.map((i) => created[i].code)

  describe("validation", () => {
    it.each([
      ["page[number]", LIST_TITLES.pageNumberRequired],
      ["page[size]", LIST_TITLES.pageSizeRequired],
      ["filter[orders][state]", LIST_TITLES.stateRequired],
      ["filter[orders][creationDate][$ge]", LIST_TITLES.creationDateRequired],
    ])("400 when %s is missing", async (param, title) => {
      const p: Record<string, string | number> = base()
      delete p[param]
      const r = await kaspi(sb, listUrl(p))
      expect(r.status).toBe(400)
      expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
      expect(r.json.errors[0].title).toBe(title)
    })

    it("400 when page[size] > 100; 100 is fine", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "page[size]": 101 }))
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(LIST_TITLES.pageSizeInvalid)
      expect((await kaspi(sb, listUrl({ ...base(), "page[size]": 100 }))).status).toBe(200)
      expect((await kaspi(sb, listUrl({ ...base(), "page[size]": 0 }))).status).toBe(400)
      expect((await kaspi(sb, listUrl({ ...base(), "page[number]": -1 }))).json.errors[0].title).toBe(LIST_TITLES.pageNumberInvalid)
    })

    it("400 when the creationDate window is longer than 14 days (both window rules: see documented-list.spec.ts)", async () => {
      const ok = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$ge]": now - 13 * DAY, "filter[orders][creationDate][$le]": now }))
      expect(ok.status).toBe(200)
      const r = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$ge]": now - 14 * DAY - 1, "filter[orders][creationDate][$le]": now }))
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(LIST_TITLES.windowTooLong)
      // $le defaults to now
      const r2 = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$ge]": now - 15 * DAY }))
      expect(r2.json.errors[0].title).toBe(LIST_TITLES.windowTooLong)
    })

    it("dates in seconds instead of ms fail (the window becomes decades long)", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$ge]": Math.floor((now - DAY) / 1000) }))
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(LIST_TITLES.windowTooLong)
    })

    it("400 for unknown state, status, deliveryType, signatureRequired and include values", async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ "filter[orders][state]": "OPEN" }, LIST_TITLES.stateInvalid],
        [{ "filter[orders][status]": "PAID" }, LIST_TITLES.statusInvalid],
        [{ "filter[orders][deliveryType]": "COURIER" }, LIST_TITLES.deliveryTypeInvalid],
        [{ "filter[orders][signatureRequired]": "yes" }, LIST_TITLES.signatureRequiredInvalid],
        [{ "include[orders]": "product" }, LIST_TITLES.includeInvalid],
        [{ "filter[orders][creationDate][$ge]": "yesterday" }, LIST_TITLES.creationDateInvalid],
      ]
      for (const [extra, title] of cases) {
        const r = await kaspi(sb, listUrl({ ...base(), ...extra }))
        expect({ extra, status: r.status, title: r.json.errors[0].title }).toEqual({ extra, status: 400, title })
      }
    })
  })

  describe("results", () => {
    it("lists the window's orders of one state, sorted by creationDate, with meta", async () => {
      const r = await kaspi(sb, listUrl(base()))
      expect(r.status).toBe(200)
      expect(codesOf(r)).toEqual(codesAt(NEW_IDX))
      expect(r.json.meta).toEqual({ pageCount: 1, totalCount: 3 })
      expect(r.json.included).toEqual([])
      const dates = r.json.data.map((d: any) => d.attributes.creationDate)
      expect([...dates].sort((a, b) => a - b)).toEqual(dates)
    })

    it("one request per state covers every order of the window", async () => {
      const seen: string[] = []
      for (const state of STATES) {
        const r = await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": state }))
        expect(r.status).toBe(200)
        for (const d of r.json.data) expect(d.attributes.state).toBe(state)
        seen.push(...codesOf(r))
      }
      expect(seen.sort()).toEqual(created.slice(0, 6).map((o) => o.code).sort())
    })

    it("pages with page[number] (0-based) and page[size]", async () => {
      const pages = []
      for (let n = 0; n < 3; n++) pages.push((await kaspi(sb, listUrl({ ...base(), "page[size]": 2, "page[number]": n }))).json)
      expect(pages.map((p) => p.data.length)).toEqual([2, 1, 0])
      expect(pages[0].meta).toEqual({ pageCount: 2, totalCount: 3 })
      expect([...pages[0].data, ...pages[1].data].map((d: any) => d.attributes.code)).toEqual(codesAt(NEW_IDX))
    })

    it("filters by state and status", async () => {
      const news = await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "NEW" }))
      expect(news.json.data.map((d: any) => d.attributes.state)).toEqual(["NEW", "NEW", "NEW"])
      const kd = await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "KASPI_DELIVERY" }))
      expect(codesOf(kd)).toEqual([created[2].code])
      const status = await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "ARCHIVE", "filter[orders][status]": "COMPLETED" }))
      expect(codesOf(status)).toEqual([created[5].code])
      const approved = await kaspi(sb, listUrl({ ...base(), "filter[orders][status]": "APPROVED_BY_BANK" }))
      expect(codesOf(approved)).toEqual(codesAt(NEW_IDX))
    })

    it("filters by deliveryType in both vocabularies", async () => {
      const codes = async (t: string) => codesOf(await kaspi(sb, listUrl({ ...base(), "filter[orders][deliveryType]": t })))
      expect(await codes("DELIVERY")).toEqual([created[1].code])
      expect(await codes("DELIVERY_LOCAL")).toEqual([created[1].code])
      expect(await codes("PICKUP")).toEqual([created[0].code, created[4].code])
      expect(await codes("DELIVERY_PICKUP")).toEqual([created[0].code])
    })

    it("filters by signatureRequired", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "SIGN_REQUIRED", "filter[orders][signatureRequired]": "true" }))
      expect(codesOf(r)).toEqual([created[3].code])
      expect(r.json.data[0].attributes.state).toBe("SIGN_REQUIRED")
      const none = await kaspi(sb, listUrl({ ...base(), "filter[orders][signatureRequired]": "false" }))
      expect(codesOf(none)).toEqual(codesAt(NEW_IDX))
    })

    it("$le bounds the window; without it the sandbox clock is the end", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$le]": T0 - 3 * 3600_000 }))
      expect(codesOf(r)).toEqual(codesAt([0, 1]))
      const future = await kaspi(sb, listUrl({ ...base(), "filter[orders][creationDate][$le]": T0 + 2 * 3600_000 }))
      expect(codesOf(future)).toContain(created[7].code)
    })

    it("finds an order by code outside the window and the state filter", async () => {
      const old = created[6]
      const r = await kaspi(sb, `/v2/orders?filter[orders][code]=${old.code}`)
      expect(r.status).toBe(200)
      expect(r.json.data).toHaveLength(1)
      expect(r.json.data[0].id).toBe(old.id)
      expect(r.json.data[0].attributes.state).toBe("ARCHIVE")
      expect(r.json.meta).toEqual({ pageCount: 1, totalCount: 1 })
      const withParams = await kaspi(sb, `/v2/orders?page[number]=0&page[size]=1&filter[orders][code]=${old.code}&include[orders]=entries`)
      expect(withParams.json.data[0].relationships.entries.data.length).toBe(old.entries.length)
      const missing = await kaspi(sb, `/v2/orders?filter[orders][code]=1`)
      expect(missing.json).toEqual({ data: [], included: [], meta: { pageCount: 0, totalCount: 0 } })
    })

    it("include[orders]=entries adds orderentries with offer code and name", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "include[orders]": "entries" }))
      const first = r.json.data[0]
      const o = created[0]
      expect(first.relationships.entries.data).toEqual(o.entries.map((e) => ({ type: "orderentries", id: e.id })))
      const inc = r.json.included.filter((i: any) => i.type === "orderentries")
      expect(inc.length).toBe(NEW_IDX.reduce((s, i) => s + created[i].entries.length, 0))
      const e = inc.find((i: any) => i.id === o.entries[0].id)
      // offer.name may be null on some lines (variants.spec.ts)
      expect(e.attributes.offer).toEqual({ code: o.entries[0].sku, name: o.variants.nullOfferName.includes(0) ? null : o.entries[0].name })
      expect(e.relationships.product.data.type).toBe("masterproducts")
      expect(e.relationships.deliveryPointOfService.data.type).toBe("pointofservices")
    })

    it("without include there is no entries data, but user data is present", async () => {
      const r = await kaspi(sb, listUrl(base()))
      const d = r.json.data[0]
      expect(d.relationships.entries.data).toBeUndefined()
      expect(d.relationships.entries.links.related).toBe(`${sb.baseUrl}/v2/orders/${d.id}/entries`)
      expect(d.relationships.user.data).toEqual({ type: "customers", id: created[0].customer.id })
      expect(d.links.self).toBe(`${sb.baseUrl}/v2/orders/${d.id}`)
    })

    it("include[orders]=user adds customers", async () => {
      const r = await kaspi(sb, listUrl({ ...base(), "include[orders]": "user" }))
      const customers = r.json.included.filter((i: any) => i.type === "customers")
      expect(customers.length).toBeGreaterThan(0)
      const c = customers.find((x: any) => x.id === created[0].customer.id)
      expect(c.attributes).toEqual({ firstName: created[0].customer.firstName, lastName: created[0].customer.lastName, cellPhone: created[0].customer.cellPhone })
    })
  })

  describe("per-token isolation", () => {
    it("another token sees only its own orders", async () => {
      const other = await kaspi(sb, listUrl(base()), { token: "other-shop" })
      expect(other.json.data).toHaveLength(1)
      expect(other.json.data[0].attributes.pickupPointId).toMatch(/^30123457_/)
      const byCode = await kaspi(sb, `/v2/orders?filter[orders][code]=${created[0].code}`, { token: "other-shop" })
      expect(byCode.json.data).toEqual([])
      const byId = await kaspi(sb, `/v2/orders/${created[0].id}`, { token: "other-shop" })
      expect(byId.status).toBe(404)
    })
  })
})
