import { cardHash, stableJson } from "../card-hash"
import { cardStateOf } from "../card-result"

describe("cardHash", () => {
  it("is the same whatever the key order, and differs when a value does", () => {
    const a = { sku: "A1", title: "T", attributes: [{ code: "x*y", value: 1 }], images: [{ url: "https://e.com/a.jpg" }] }
    const b = { images: [{ url: "https://e.com/a.jpg" }], attributes: [{ value: 1, code: "x*y" }], title: "T", sku: "A1" }
    expect(stableJson(a)).toBe(stableJson(b))
    expect(cardHash(a)).toBe(cardHash(b))
    expect(cardHash(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(cardHash({ ...a, title: "T2" })).not.toBe(cardHash(a))
  })

  it("keeps array order and drops undefined fields", () => {
    expect(cardHash([1, 2])).not.toBe(cardHash([2, 1]))
    expect(stableJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })
})

describe("cardStateOf", () => {
  it("maps each outcome of Kaspi's result onto the card", () => {
    expect(cardStateOf({ outcome: "imported", state: "FINISHED", messages: [] })).toEqual({ state: "finished", messages: [] })
    expect(cardStateOf({ outcome: "warning", state: "WARNING", messages: ["w"] })).toEqual({ state: "warning", messages: ["w"] })
    expect(cardStateOf({ outcome: "error", state: "ERROR", messages: ["e"] })).toEqual({ state: "error", messages: ["e"] })
    expect(cardStateOf({ outcome: "skipped", state: "SKIPPED", messages: [] })).toEqual({ state: "skipped", messages: [] })
  })

  it("takes a state it does not know, or a SKU left out, for an error", () => {
    expect(cardStateOf({ outcome: "unknown", state: "WEIRD", messages: [] }).state).toBe("error")
    expect(cardStateOf({ outcome: "unknown", state: "WEIRD", messages: [] }).messages[0]).toContain("WEIRD")
    expect(cardStateOf(undefined).state).toBe("error")
  })
})
