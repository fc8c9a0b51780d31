import fs from "node:fs"
import path from "node:path"
import { parseOrdersPage } from "../parse"

// What Kaspi is known or likely to send beside the guide's examples (API.md a.0, a.4, a.12, (b), e.13),
// applied to the guide's own list payload: each variant is read, never a reason to drop the order.
/** The guide's list page, with both of the order's lines included (the guide's example includes one). */
function guidePage() {
  const page = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures/kaspi-guide/01_orders_list_include_entries__guide-EN-merged.json"), "utf8"))
  const ids: string[] = page.data[0].relationships.entries.data.map((d: { id: string }) => d.id)
  const first = page.included[0]
  page.included = ids.map((id) => ({ ...JSON.parse(JSON.stringify(first)), id }))
  return page
}
const where = { method: "GET", path: "/v2/orders" }

describe("tolerant reading of Kaspi orders", () => {
  it("reads a plain point-of-service id (a real 2026 entries response) as well as the base64 one", () => {
    const page = guidePage()
    const [plain, encoded] = page.included
    plain.relationships = { ...plain.relationships, deliveryPointOfService: { data: { type: "pointofservices", id: "16483752_PP1" } } }
    encoded.relationships = { ...encoded.relationships, deliveryPointOfService: { data: { type: "pointofservices", id: "MTY0ODM3NTJfUFAx" } } }
    const { orders, invalid } = parseOrdersPage(page, 0, where)
    expect(invalid).toEqual([])
    expect(orders[0].entries.map((e) => e.pointOfServiceId).sort()).toEqual(["16483752_PP1", "MTY0ODM3NTJfUFAx"])
  })

  it("reads nulls where Kaspi may leave a nested field out: customer id, origin address id, city, category, offer name", () => {
    const page = guidePage()
    const a = page.data[0].attributes
    a.customer.id = null
    a.originAddress = { id: null, displayName: null, address: null, city: { id: null, code: null, name: null, active: null } }
    page.included[0].attributes.category = null
    page.included[1].attributes.category = { code: null, title: null }
    page.included[1].attributes.offer.name = null
    const { orders, invalid } = parseOrdersPage(page, 0, where)
    expect(invalid).toEqual([])
    expect(orders[0].attributes.customer?.id).toBeNull()
  })

  it("reads a line kept at quantity 0 after a partial cancel", () => {
    const page = guidePage()
    Object.assign(page.included[0].attributes, { quantity: 0, totalPrice: 0 })
    const { orders, invalid } = parseOrdersPage(page, 0, where)
    expect(invalid).toEqual([])
    expect(orders[0].entries.map((e) => e.attributes.quantity)).toContain(0)
  })

  it("keeps a status, state and delivery mode it does not know as Kaspi wrote them", () => {
    const page = guidePage()
    Object.assign(page.data[0].attributes, { status: "PARTIALLY_SOMETHING", state: "NEW_TAB", deliveryMode: "DELIVERY_DRONE" })
    const { orders, invalid } = parseOrdersPage(page, 0, where)
    expect(invalid).toEqual([])
    expect(orders[0].attributes).toMatchObject({ status: "PARTIALLY_SOMETHING", state: "NEW_TAB", deliveryMode: "DELIVERY_DRONE" })
  })

  it("still rejects, with the path, what it cannot work without (a negative quantity)", () => {
    const page = guidePage()
    page.included[0].attributes.quantity = -1
    const { orders, invalid } = parseOrdersPage(page, 0, where)
    expect(orders).toEqual([])
    expect(invalid[0].reason).toMatch(/quantity/)
  })
})
