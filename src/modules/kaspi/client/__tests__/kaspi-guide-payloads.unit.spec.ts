import fs from "node:fs"
import path from "node:path"
import {
  kaspiEntryCancelResponseSchema,
  kaspiListEnvelopeSchema,
  kaspiStatusChangeResponseSchema,
  kaspiErrorBodySchema,
} from "../schemas"
import { parseOrderEntry, parseOrdersPage } from "../parse"

const dir = path.join(__dirname, "fixtures", "kaspi-guide")
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"))
const where = { method: "GET", path: "/v2/orders" }

function expectParses(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const r = schema.safeParse(value)
  if (!r.success) throw new Error(JSON.stringify(r.error, null, 1))
  expect(r.success).toBe(true)
}

// Fixtures of endpoints the client does not call (07–09 master/merchant product and point of service,
// the bulk orderPartialCancel in 11, 12–13 the product content API) stay on disk as Kaspi's record, but
// are not parsed here: their schemas went with those endpoints (API.md a.6–a.8, a.12, a.14).
const FIXTURES_OF_CALLED_ENDPOINTS = [
  "01_orders_list_include_entries__guide-EN-merged.json",
  "02_order_by_code_KASPI_DELIVERY_cancelling__guide-EN-merged.json",
  "03_order_by_code_DELIVERY_LOCAL__guide-RU.json",
  "04_orders_list_include_user__guide-RU-older.json",
  "05_order_entries__guide-RU.json",
  "06_orderentry_single_MEASURABLE_PIECES__guide-RU.json",
  "10_order_status_changes__guide.json",
  "11_partial_cancel__guide-EN-merged.json",
]

describe("every example payload from Kaspi's guide for an endpoint the client calls parses", () => {
  it("knows every fixture file, and reads each one of an endpoint the client calls", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"))
    expect(files).toHaveLength(13)
    expect(files).toEqual(expect.arrayContaining(FIXTURES_OF_CALLED_ENDPOINTS))
  })

  it("01: order list with included entries keeps the entries and notes the one the example left out", () => {
    const page = parseOrdersPage(load("01_orders_list_include_entries__guide-EN-merged.json"), 0, where)
    expect(page.invalid).toEqual([])
    expect(page.orders).toHaveLength(1)
    const order = page.orders[0]
    expect(order).toMatchObject({ id: "NDk3MTQ6MDIx", code: "496149022" })
    expect(order.attributes).toMatchObject({ totalPrice: 2000, state: "PICKUP", status: "ACCEPTED_BY_MERCHANT" })
    expect(order.attributes.customer?.cellPhone).toBe("7066828008")
    expect(order.entries.map((e) => e.attributes.offer?.code)).toEqual(["259204"])
    expect(order.entries[0].productId).toBe("MTA5MzQ5MDI2")
    expect(order.missingEntryIds).toEqual(["NDk1MTQ1MDIxIyMw"])
    expect(page).toMatchObject({ pageCount: 1, totalCount: 1 })
  })

  it("02: Kaspi Delivery order in CANCELLING with kaspiDelivery and originAddress", () => {
    const page = parseOrdersPage(load("02_order_by_code_KASPI_DELIVERY_cancelling__guide-EN-merged.json"), 0, where)
    expect(page.invalid).toEqual([])
    const a = page.orders[0].attributes
    expect(a).toMatchObject({ status: "CANCELLING", cancellationReason: "TIMEOUT_BUYER_PICKUP", isKaspiDelivery: true })
    expect(a.kaspiDelivery?.waybillNumber).toBe("101110589")
    expect(a.originAddress?.city?.code).toBe("191010000")
    expect(page.orders[0].entries[0].attributes.offer?.code).toBe("355654asiuowl")
  })

  it("03: own delivery with deliveryAddress and plannedDeliveryDate", () => {
    const page = parseOrdersPage(load("03_order_by_code_DELIVERY_LOCAL__guide-RU.json"), 0, where)
    expect(page.invalid).toEqual([])
    expect(page.orders[0].attributes.deliveryAddress?.formattedAddress).toContain("Наурызбай")
    expect(page.orders[0].attributes.plannedDeliveryDate).toBe(1706896790999)
  })

  it("04: the older list shape with include user and relative links", () => {
    const page = parseOrdersPage(load("04_orders_list_include_user__guide-RU-older.json"), 0, where)
    expect(page.invalid).toEqual([])
    expect(page.orders[0].attributes.totalPrice).toBe(96045)
  })

  it("05 and 06: entries, including weighted goods", () => {
    const list = kaspiListEnvelopeSchema.parse(load("05_order_entries__guide-RU.json"))
    const entry = parseOrderEntry(list.data[0]).entry
    expect(entry?.attributes).toMatchObject({ quantity: 2, basePrice: 2000, totalPrice: 4000 })
    // 06 is GET /v2/orderentries/{id} (not called); its line is the same resource an entries list or an included entry carries.
    const weighted = parseOrderEntry(load("06_orderentry_single_MEASURABLE_PIECES__guide-RU.json").data).entry
    expect(weighted?.attributes).toMatchObject({ unitType: "MEASURABLE_PIECES", weight: 3800, totalPrice: 5928 })
  })

  it("10: every status-change response and documented error body", () => {
    const f = load("10_order_status_changes__guide.json")
    for (const response of [
      f.accept.response,
      f.complete_step2_with_code.response,
      f.cancel.response,
      f.assemble_kaspi_delivery.response_RU_guide,
      f.assemble_kaspi_delivery.response_EN_merged_doc,
      f.arrived_preorder.response,
    ]) {
      expectParses(kaspiStatusChangeResponseSchema, response)
    }
    for (const e of f.complete_step2_with_code.documented_errors) {
      expect(kaspiErrorBodySchema.parse(e.body).errors[0].title).toBeTruthy()
    }
  })

  it("11: partial cancellation per entry (the bulk form is not sent)", () => {
    const f = load("11_partial_cancel__guide-EN-merged.json")
    expect(kaspiEntryCancelResponseSchema.parse(f.orderEntryCancelOperation_single.response).data.attributes.status).toBe(
      "SUCCESSFULL"
    )
    expectParses(kaspiEntryCancelResponseSchema, f.orderEntryCancelOperation_single.response_variant_3_7)
  })
})

describe("broken payloads are rejected with a reason, one order at a time", () => {
  it("reports the bad order and keeps the good one", () => {
    const body = load("01_orders_list_include_entries__guide-EN-merged.json")
    const bad = JSON.parse(JSON.stringify(body.data[0]))
    bad.id = "BAD"
    bad.attributes.totalPrice = "2000 ₸"
    delete bad.attributes.creationDate
    body.data.push(bad)
    const page = parseOrdersPage(body, 0, where)
    expect(page.orders.map((o) => o.id)).toEqual(["NDk3MTQ6MDIx"])
    expect(page.invalid).toHaveLength(1)
    expect(page.invalid[0]).toMatchObject({ id: "BAD", code: "496149022" })
    expect(page.invalid[0].reason).toMatch(/attributes\.totalPrice/)
    expect(page.invalid[0].reason).toMatch(/attributes\.creationDate/)
  })

  it("rejects an order whose included entry is broken (no half-import)", () => {
    const body = load("01_orders_list_include_entries__guide-EN-merged.json")
    body.included[0].attributes.quantity = -1
    const page = parseOrdersPage(body, 0, where)
    expect(page.orders).toEqual([])
    expect(page.invalid[0].reason).toMatch(/entry NDk0MTQ0MDIxIyMx: attributes\.quantity/)
  })

  it("throws invalid_response when the envelope itself is wrong", () => {
    expect(() => parseOrdersPage({ data: "nope" }, 0, where)).toThrow(/invalid_response.*data/)
    expect(() => parseOrdersPage(null, 0, where)).toThrow(/invalid_response/)
  })
})
