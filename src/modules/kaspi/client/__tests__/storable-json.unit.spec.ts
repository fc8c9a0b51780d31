import { parseOrdersPage } from "../parse"
import { storableJson } from "../storable-json"

describe("storableJson: a copy of a Kaspi payload that is safe to keep", () => {
  it("drops __proto__, constructor and prototype keys instead of giving the copy a prototype", () => {
    // JSON.parse makes "__proto__" an own key; assigning it on a plain object would set the prototype.
    const hostile = JSON.parse(
      '{"id":"1","__proto__":{"polluted":true,"isAdmin":true},"attributes":{"constructor":{"prototype":{"x":1}},"prototype":{"y":2},"code":"42"}}'
    )
    const copy = storableJson(hostile) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined()
    expect((copy as { isAdmin?: unknown }).isAdmin).toBeUndefined()
    expect(Object.keys(copy)).toEqual(["id", "attributes"])
    expect(copy.attributes).toEqual({ code: "42" })
    expect(Object.keys(copy.attributes as object)).toEqual(["code"])
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it("keeps every other key and value as Kaspi sent it", () => {
    const payload = { a: [1, "x", null, { b: true }], "proto": 1, "__proto": 2, "constructorName": "c" }
    expect(storableJson(payload)).toEqual(payload)
  })
})

describe("deeply nested Kaspi JSON", () => {
  const nested = (depth: number): unknown => JSON.parse('{"x":'.repeat(depth) + "1" + "}".repeat(depth))
  const order = (code: string, extra?: unknown) => ({
    type: "orders",
    id: `id-${code}`,
    attributes: { code, totalPrice: 1000, state: "NEW", status: "APPROVED_BY_BANK", creationDate: 1_764_000_000_000, extra },
  })

  it("rejects the one order nested thousands deep, by itself, and reads the rest of the page", () => {
    const body = { data: [order("1", nested(20_000)), order("2")], meta: { pageCount: 1, totalCount: 2 } }
    const page = parseOrdersPage(body, 0, { method: "GET", path: "/v2/orders" })
    expect(page.orders.map((o) => o.code)).toEqual(["2"])
    expect(page.invalid).toEqual([{ id: "id-1", code: "1", reason: expect.stringMatching(/nested deeper than 64 levels/), raw: null }])
  })

  it("keeps payloads of ordinary depth", () => {
    expect(storableJson(nested(50))).toEqual(nested(50))
  })
})
