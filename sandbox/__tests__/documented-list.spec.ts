// Documented mode (the default) on GET /v2/orders: every request form that neither Kaspi's guide nor
// the public clients use is refused with a JSON:API 400; lenient mode keeps the old accepting rules.

import type { KaspiSandbox } from "../index"
import { LIST_TITLES, almatyDay } from "../routes/orders-list"
import { ALL_STATES, DAY, control, kaspi, listUrl, start } from "./helpers"

const HOUR = 3_600_000
/** 2025-05-20 11:00 in Almaty (UTC+5) */
const T0 = Date.UTC(2025, 4, 20, 6, 0, 0)

describe("documented mode: GET /v2/orders refusals", () => {
  let sb: KaspiSandbox
  let code: string
  beforeAll(async () => {
    sb = await start({ startTime: T0 })
    code = sb.addOrder({ creationDate: T0 - HOUR }).code
  })
  afterAll(() => sb.close())

  const base = (): Record<string, string | number> => ({
    "page[number]": 0,
    "page[size]": 100,
    "filter[orders][state]": "NEW",
    "filter[orders][creationDate][$ge]": T0 - 7 * DAY,
  })
  const refused = async (url: string, title: string) => {
    const r = await kaspi(sb, url)
    expect({ url, status: r.status }).toEqual({ url, status: 400 })
    expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
    expect(r.json).toEqual({ errors: [{ title, detail: expect.any(String) }] })
    return r
  }

  it("the documented form passes", async () => {
    const r = await kaspi(sb, listUrl(base()))
    expect(r.status).toBe(200)
    expect(r.json.data.map((d: any) => d.attributes.code)).toEqual([code])
  })

  it("comma-joined states are refused (API.md §f.3)", async () => {
    const r = await refused(listUrl({ ...base(), "filter[orders][state]": "NEW,SIGN_REQUIRED" }), "filter[orders][state] takes exactly one state")
    expect(r.json.errors[0].detail).toContain("NEW,SIGN_REQUIRED")
    await refused(listUrl({ ...base(), "filter[orders][state]": ALL_STATES }), LIST_TITLES.stateSingle)
    // a literal comma too, not only %2C
    await refused(`/v2/orders?page[number]=0&page[size]=10&filter[orders][state]=NEW,PICKUP&filter[orders][creationDate][$ge]=${T0 - DAY}`, LIST_TITLES.stateSingle)
  })

  it("a repeated state parameter is refused", async () => {
    await refused(`${listUrl(base())}&filter[orders][state]=PICKUP`, LIST_TITLES.stateSingle)
  })

  it("comma lists and repeats in status and deliveryType are refused", async () => {
    await refused(listUrl({ ...base(), "filter[orders][status]": "APPROVED_BY_BANK,ACCEPTED_BY_MERCHANT" }), LIST_TITLES.statusSingle)
    await refused(`${listUrl({ ...base(), "filter[orders][status]": "APPROVED_BY_BANK" })}&filter[orders][status]=COMPLETED`, LIST_TITLES.statusSingle)
    await refused(listUrl({ ...base(), "filter[orders][deliveryType]": "PICKUP,DELIVERY" }), LIST_TITLES.deliveryTypeSingle)
    await refused(`${listUrl({ ...base(), "filter[orders][deliveryType]": "PICKUP" })}&filter[orders][deliveryType]=DELIVERY`, LIST_TITLES.deliveryTypeSingle)
  })

  it("include[orders] takes one relationship; other parameters once", async () => {
    await refused(listUrl({ ...base(), "include[orders]": "entries,user" }), LIST_TITLES.includeSingle)
    await refused(`${listUrl(base())}&page[size]=50`, LIST_TITLES.repeatedParam)
    await refused(`${listUrl(base())}&filter[orders][creationDate][$ge]=${T0 - DAY}`, LIST_TITLES.repeatedParam)
  })

  it("missing page[number] or page[size] is refused on list calls", async () => {
    for (const p of ["page[number]", "page[size]"]) {
      const q = base()
      delete q[p]
      const r = await kaspi(sb, listUrl(q))
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(p === "page[number]" ? LIST_TITLES.pageNumberRequired : LIST_TITLES.pageSizeRequired)
    }
  })

  it("a missing state filter is refused", async () => {
    const q = base()
    delete q["filter[orders][state]"]
    const r = await kaspi(sb, listUrl(q))
    expect(r.status).toBe(400)
    expect(r.json.errors[0].title).toBe(LIST_TITLES.stateRequired)
    expect((await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "" }))).json.errors[0].title).toBe(LIST_TITLES.stateRequired)
  })

  it("parameters the guide does not describe are refused", async () => {
    await refused(listUrl({ ...base(), "filter[orders][creationDate][$lt]": T0 }), LIST_TITLES.unknownParam)
    await refused(listUrl({ ...base(), sort: "creationDate" }), LIST_TITLES.unknownParam)
    await refused(listUrl({ ...base(), "filter[orders][creationDate][ge]": T0 - DAY }), LIST_TITLES.unknownParam)
  })

  it("keeps: page size ≤ 100, $ge required, unknown enum values refused", async () => {
    expect((await kaspi(sb, listUrl({ ...base(), "page[size]": 101 }))).json.errors[0].title).toBe(LIST_TITLES.pageSizeInvalid)
    const q = base()
    delete q["filter[orders][creationDate][$ge]"]
    expect((await kaspi(sb, listUrl(q))).json.errors[0].title).toBe(LIST_TITLES.creationDateRequired)
    expect((await kaspi(sb, listUrl({ ...base(), "filter[orders][state]": "OPEN" }))).json.errors[0].title).toBe(LIST_TITLES.stateInvalid)
    expect((await kaspi(sb, listUrl({ ...base(), "filter[orders][status]": "PAID" }))).json.errors[0].title).toBe(LIST_TITLES.statusInvalid)
  })

  describe("the by-code lookup (API.md a.2)", () => {
    it("takes the code alone (the guide's request) or with paging and include (public clients, the plugin)", async () => {
      const alone = await kaspi(sb, `/v2/orders?filter[orders][code]=${code}`)
      expect(alone.status).toBe(200)
      expect(alone.json.data[0].attributes.code).toBe(code)
      const paged = await kaspi(sb, `/v2/orders?filter[orders][code]=${code}&page[number]=0&page[size]=1&include[orders]=entries`)
      expect(paged.status).toBe(200)
      expect(paged.json.data).toHaveLength(1)
      expect((await kaspi(sb, `/v2/orders?filter[orders][code]=${code}&page[number]=0&page[size]=20`)).status).toBe(200)
    })

    it("paging, when given, follows the list rules", async () => {
      await refused(`/v2/orders?filter[orders][code]=${code}&page[number]=0&page[size]=101`, LIST_TITLES.pageSizeInvalid)
      await refused(`/v2/orders?filter[orders][code]=${code}&page[number]=-1&page[size]=1`, LIST_TITLES.pageNumberInvalid)
    })

    it("is not combined with list filters, not empty, not repeated", async () => {
      await refused(`/v2/orders?filter[orders][code]=${code}&filter[orders][state]=NEW`, LIST_TITLES.codeAlone)
      await refused(`/v2/orders?filter[orders][code]=${code}&filter[orders][creationDate][$ge]=${T0 - DAY}`, LIST_TITLES.codeAlone)
      const empty = await kaspi(sb, `/v2/orders?filter[orders][code]=&page[number]=0&page[size]=1`)
      expect(empty.status).toBe(400)
      expect(empty.json.errors[0].title).toBe(LIST_TITLES.codeEmpty)
      await refused(`/v2/orders?filter[orders][code]=${code}&filter[orders][code]=1`, LIST_TITLES.repeatedParam)
      await refused(`/v2/orders?filter[orders][code]=${code}&include[orders]=entries,user`, LIST_TITLES.includeSingle)
    })
  })
})

describe("the 14-day window rule", () => {
  const url = (ge: number, le: number) => listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": ge, "filter[orders][creationDate][$le]": le })
  /** Almaty midnight of the local day that contains T0 (after 2024-03-01: UTC+5) */
  const MIDNIGHT = Date.UTC(2025, 4, 19, 19, 0, 0)

  it("almatyDay: UTC+6 until 2024-03-01, UTC+5 since (API.md a.0)", () => {
    // At 2024-03-01 00:00 (+6) = 2024-02-29 18:00 UTC the clocks went back to 23:00 (+5): the hour
    // 18:00–19:00 UTC is still Feb 29, and March 1 starts at 19:00 UTC.
    expect(almatyDay(Date.UTC(2024, 1, 29, 18, 30))).toBe(almatyDay(Date.UTC(2024, 1, 29, 17, 59, 59, 999)))
    expect(almatyDay(Date.UTC(2024, 1, 29, 19, 0, 0)) - almatyDay(Date.UTC(2024, 1, 29, 18, 59, 59, 999))).toBe(1)
    expect(almatyDay(Date.UTC(2024, 2, 1, 19, 0, 0)) - almatyDay(Date.UTC(2024, 2, 1, 18, 59, 59, 999))).toBe(1)
    expect(almatyDay(MIDNIGHT)).toBe(almatyDay(MIDNIGHT + DAY - 1))
    expect(almatyDay(MIDNIGHT - 1)).toBe(almatyDay(MIDNIGHT) - 1)
    expect(almatyDay(Date.UTC(2024, 0, 10, 18, 0, 0)) - almatyDay(Date.UTC(2024, 0, 10, 17, 59, 59, 999))).toBe(1)
  })

  describe("default: almaty-days-inclusive", () => {
    let sb: KaspiSandbox
    beforeAll(async () => {
      sb = await start({ startTime: T0 })
    })
    afterAll(() => sb.close())

    it("refuses 14×24h−1 ms that starts mid-day (15 calendar days), which the old rule accepted", async () => {
      const r = await kaspi(sb, url(T0 - 14 * DAY + 1, T0))
      expect(r.status).toBe(400)
      expect(r.json.errors[0]).toEqual({ title: LIST_TITLES.windowTooLong, detail: expect.stringMatching(/15 calendar days/) })
    })

    it("accepts 14 whole Almaty days, midnight to 23:59:59.999", async () => {
      const ge = MIDNIGHT - 13 * DAY
      expect((await kaspi(sb, url(ge, MIDNIGHT + DAY - 1))).status).toBe(200)
      expect((await kaspi(sb, url(ge - 1, MIDNIGHT + DAY - 1))).status).toBe(400)
      expect((await kaspi(sb, url(ge, MIDNIGHT + DAY))).status).toBe(400)
    })

    it("a 13-day window always passes, whatever the hour", async () => {
      for (let h = 0; h < 24; h++) {
        const ge = MIDNIGHT - 20 * DAY + h * HOUR + 7 * 60_000
        const r = await kaspi(sb, url(ge, ge + 13 * DAY))
        expect({ h, status: r.status }).toEqual({ h, status: 200 })
      }
    })

    it("counts days in UTC+6 before 2024-03-01", async () => {
      const midnight6 = Date.UTC(2024, 0, 10, 18, 0, 0) // 2024-01-11 00:00 in Almaty then
      expect((await kaspi(sb, url(midnight6, midnight6 + 14 * DAY - 1))).status).toBe(200)
      expect((await kaspi(sb, url(midnight6 + HOUR, midnight6 + 14 * DAY + HOUR - 1))).status).toBe(400)
    })

    it("still refuses more than 14×24h and defaults $le to now", async () => {
      expect((await kaspi(sb, url(T0 - 14 * DAY - 1, T0))).status).toBe(400)
      const noLe = listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": T0 - 14 * DAY + HOUR })
      expect((await kaspi(sb, noLe)).status).toBe(400)
      const noLe13 = listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": T0 - 13 * DAY })
      expect((await kaspi(sb, noLe13)).status).toBe(200)
    })
  })

  describe('windowRule: "ms"', () => {
    let sb: KaspiSandbox
    beforeAll(async () => {
      sb = await start({ startTime: T0, windowRule: "ms" })
    })
    afterAll(() => sb.close())

    it("only $le − $ge ≤ 14 days counts", async () => {
      expect((await kaspi(sb, url(T0 - 14 * DAY + 1, T0))).status).toBe(200)
      expect((await kaspi(sb, url(T0 - 14 * DAY, T0))).status).toBe(200)
      const r = await kaspi(sb, url(T0 - 14 * DAY - 1, T0))
      expect(r.status).toBe(400)
      expect(r.json.errors[0].title).toBe(LIST_TITLES.windowTooLong)
    })

    it("still refuses comma lists (the window rule is the only difference)", async () => {
      expect((await kaspi(sb, listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": "NEW,PICKUP", "filter[orders][creationDate][$ge]": T0 - DAY }))).status).toBe(400)
    })
  })

  it("refuses a bad windowRule option", async () => {
    await expect(start({ windowRule: "days" as never })).rejects.toThrow(/windowRule/)
  })
})

describe("lenient mode (sandbox unit tests only)", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ startTime: T0, lenient: true })
    sb.addOrder({ creationDate: T0 - HOUR })
    sb.addOrder({ creationDate: T0 - HOUR, status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
  })
  afterAll(() => sb.close())

  it("still accepts the comma list, repeats, comma includes and the millisecond window", async () => {
    const base = { "page[number]": 0, "page[size]": 100, "filter[orders][creationDate][$ge]": T0 - 14 * DAY + 1, "filter[orders][creationDate][$le]": T0 }
    const comma = await kaspi(sb, listUrl({ ...base, "filter[orders][state]": ALL_STATES, "include[orders]": "entries,user" }))
    expect(comma.status).toBe(200)
    expect(comma.json.meta.totalCount).toBe(2)
    const repeated = await kaspi(sb, `${listUrl({ ...base, "filter[orders][state]": "NEW" })}&filter[orders][state]=PICKUP`)
    expect(repeated.json.meta.totalCount).toBe(2)
    expect((await control(sb, "GET", "/health")).json.mode).toEqual({ lenient: true, windowRule: "almaty-days-inclusive", zeroQuantityLines: "keep" })
  })

  it("keeps the old refusals: missing state, missing paging, > 14 days", async () => {
    expect((await kaspi(sb, listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][creationDate][$ge]": T0 - DAY }))).status).toBe(400)
    expect((await kaspi(sb, listUrl({ "page[size]": 10, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": T0 - DAY }))).status).toBe(400)
    expect((await kaspi(sb, listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": "NEW", "filter[orders][creationDate][$ge]": T0 - 15 * DAY }))).status).toBe(400)
  })
})

describe("request log by state", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ startTime: T0 })
  })
  afterAll(() => sb.close())

  it("records each query string and counts list calls per filter[orders][state]", async () => {
    const q = (state: string) => listUrl({ "page[number]": 0, "page[size]": 10, "filter[orders][state]": state, "filter[orders][creationDate][$ge]": T0 - DAY })
    await kaspi(sb, q("NEW"))
    await kaspi(sb, q("NEW"))
    await kaspi(sb, q("PICKUP"))
    await kaspi(sb, q("NEW,PICKUP")) // refused, still counted as sent
    await kaspi(sb, "/v2/orders?filter[orders][code]=123") // by code: not a list call
    await kaspi(sb, "/v2/cities")
    const expected = { NEW: 2, PICKUP: 1, "NEW,PICKUP": 1 }
    expect(sb.requestCountsByState()).toEqual(expected)
    const r = await control(sb, "GET", "/requests")
    expect(r.json.countsByState).toEqual(expected)
    const states = r.json.requests.map((x: any) => new URLSearchParams(x.query).get("filter[orders][state]"))
    expect(states).toEqual(["NEW", "NEW", "PICKUP", "NEW,PICKUP", null, null])
    expect(r.json.requests.map((x: any) => x.status)).toEqual([200, 200, 200, 400, 200, 200])
  })
})
