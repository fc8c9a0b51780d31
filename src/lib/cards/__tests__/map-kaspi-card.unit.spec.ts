import { mapKaspiCard, type KaspiCardInput } from "../map-kaspi-card"
import { checkCardImageUrl } from "../card-image-url"
import { attributeValue } from "../card-attribute-value"
import type { KaspiCategoryAttribute } from "../card-types"

// The guide's own example category (API.md a.14, payload 12).
const A = (name: string) => `Exercise notebooks*Obsie harakteristiki.exercise notebooks*${name}`
const ATTRIBUTES: KaspiCategoryAttribute[] = [
  { code: A("type"), type: "enum", multiValued: false, mandatory: true },
  { code: A("format"), type: "enum", multiValued: true, mandatory: true },
  { code: A("fields"), type: "boolean", multiValued: false, mandatory: true },
  { code: A("number of sheets"), type: "number", multiValued: false, mandatory: true },
  { code: A("components"), type: "string", multiValued: false, mandatory: false },
]

const input = (over: Partial<KaspiCardInput> = {}): KaspiCardInput => ({
  product: {
    title: "Тетрадь в клетку",
    description: "<p>Тетрадь 48 листов,&nbsp;клетка</p><p>Обложка: мягкая</p>",
    thumbnail: "https://cdn.shop.kz/img/notebook-1.jpg",
    images: ["https://cdn.shop.kz/img/notebook-1.jpg", "https://cdn.shop.kz/img/notebook-2.jpg"],
    metadata: { sheets: "48" },
    material: "бумага",
  },
  variant: { sku: "NB-48", title: "Default", options: { Формат: "А5" }, metadata: { kaspi_fields: "да" } },
  variantCount: 1,
  category: "Master - Exercise notebooks",
  attributes: ATTRIBUTES,
  sources: {
    [A("type")]: { from: "value", value: "тетрадь" },
    [A("format")]: { from: "option", title: "Формат" },
    [A("fields")]: { from: "metadata", of: "variant", key: "kaspi_fields" },
    [A("number of sheets")]: { from: "metadata", of: "product", key: "sheets" },
    [A("components")]: { from: "product", field: "material" },
  },
  brand: "Hatber",
  weightKg: 0.12,
  ...over,
})

const problemsOf = (over: Partial<KaspiCardInput>) => {
  const r = mapKaspiCard(input(over))
  if (r.ok) throw new Error("expected problems")
  return r.problems
}

describe("mapKaspiCard: a Medusa variant as one product of Kaspi's card import", () => {
  it("fills every attribute type from a fixed value, an option, metadata and a field, and checks the card against the import schema", () => {
    const r = mapKaspiCard(input())
    expect(r).toEqual({
      ok: true,
      warnings: [],
      card: {
        sku: "NB-48",
        title: "Тетрадь в клетку",
        brand: "Hatber",
        category: "Master - Exercise notebooks",
        description: "Тетрадь 48 листов, клетка\nОбложка: мягкая",
        weight: "0.12",
        attributes: [
          { code: A("type"), value: "тетрадь" },
          { code: A("format"), value: "А5" },
          { code: A("fields"), value: true },
          { code: A("number of sheets"), value: 48 },
          { code: A("components"), value: "бумага" },
        ],
        images: [{ url: "https://cdn.shop.kz/img/notebook-1.jpg" }, { url: "https://cdn.shop.kz/img/notebook-2.jpg" }],
      },
    })
  })

  it("names the variant in the title when the product has several", () => {
    const r = mapKaspiCard(input({ variant: { ...input().variant, title: "А5, синяя" }, variantCount: 2 }))
    expect(r.ok && r.card.title).toBe("Тетрадь в клетку А5, синяя")
  })

  it("takes several values for a multi-valued attribute, up to 32 different ones, and one for the others", () => {
    const multi = mapKaspiCard(input({ sources: { ...input().sources, [A("format")]: { from: "value", value: ["А5", "А4"] } } }))
    expect(multi.ok && multi.card.attributes[1]).toEqual({ code: A("format"), value: ["А5", "А4"] })

    const tooMany = Array.from({ length: 33 }, (_, i) => `формат ${i}`)
    expect(problemsOf({ sources: { ...input().sources, [A("format")]: { from: "value", value: tooMany } } })).toEqual([
      { field: `attributes.${A("format")}`, reason: "takes at most 32 values, not 33" },
    ])
    expect(problemsOf({ sources: { ...input().sources, [A("format")]: { from: "value", value: ["А5", "А5"] } } })).toEqual([
      { field: `attributes.${A("format")}`, reason: "the same value twice" },
    ])
    expect(problemsOf({ sources: { ...input().sources, [A("type")]: { from: "value", value: ["тетрадь", "блокнот"] } } })).toEqual([
      { field: `attributes.${A("type")}`, reason: "takes one value, not 2" },
    ])
  })

  it("refuses a value of the wrong type, naming the attribute", () => {
    expect(problemsOf({ product: { ...input().product, metadata: { sheets: "сорок восемь" } } })).toEqual([
      { field: `attributes.${A("number of sheets")}`, reason: '"сорок восемь" is not a number' },
    ])
    expect(problemsOf({ variant: { ...input().variant, metadata: { kaspi_fields: "иногда" } } })).toEqual([
      { field: `attributes.${A("fields")}`, reason: '"иногда" is not yes or no' },
    ])
    expect(attributeValue({ code: "x*y", type: "number", multiValued: false, mandatory: false }, "1,5")).toEqual({ ok: true, value: 1.5 })
    expect(attributeValue({ code: "x*y", type: "string", multiValued: false, mandatory: false }, "я".repeat(257))).toEqual({
      ok: false,
      reason: "257 characters, over Kaspi's 256",
    })
  })

  it("refuses a mandatory attribute without a value, and an attribute the category does not have", () => {
    const { [A("fields")]: _, ...withoutFields } = input().sources
    expect(problemsOf({ sources: withoutFields })).toEqual([{ field: `attributes.${A("fields")}`, reason: "mandatory in this category, and no value" }])
    // An optional one may stay empty.
    const { [A("components")]: __, ...withoutComponents } = input().sources
    expect(mapKaspiCard(input({ sources: withoutComponents })).ok).toBe(true)
    expect(problemsOf({ sources: { ...input().sources, [A("colour")]: { from: "value", value: "синий" } } })).toEqual([
      { field: `attributes.${A("colour")}`, reason: "not an attribute of Master - Exercise notebooks" },
    ])
  })

  it("sends an enum value Kaspi does not recommend, with a warning", () => {
    const r = mapKaspiCard(input({ enumValues: { [A("type")]: ["тетрадь-блокнот", "общая тетрадь"] } }))
    expect(r).toMatchObject({ ok: true, warnings: [{ field: `attributes.${A("type")}`, reason: "not among Kaspi's values: тетрадь" }] })
  })

  it("refuses images Kaspi cannot download: relative, private, local, with credentials; and a card without any", () => {
    const images = ["/static/notebook.jpg", "http://192.168.1.10/a.jpg", "https://localhost:9000/a.jpg", "https://user:pw@cdn.shop.kz/a.jpg", "ftp://cdn.shop.kz/a.jpg"]
    const problems = problemsOf({ product: { ...input().product, thumbnail: null, images } })
    expect(problems.map((p) => p.field)).toEqual(["images[0]", "images[1]", "images[2]", "images[3]", "images[4]"])
    expect(problems[0].reason).toMatch(/not an absolute URL/)
    expect(problems[1].reason).toMatch(/192\.168\.1\.10 is a private or local address/)
    expect(problemsOf({ product: { ...input().product, thumbnail: null, images: [] } })).toEqual([{ field: "images", reason: "Kaspi needs at least one image" }])
    expect(checkCardImageUrl("http://[::1]/a.jpg")).toMatchObject({ ok: false })
    expect(checkCardImageUrl("http://10.0.0.5/a.jpg")).toMatchObject({ ok: false })
    expect(checkCardImageUrl("https://cdn.shop.kz/a%20b.jpg")).toEqual({ ok: true, url: "https://cdn.shop.kz/a%20b.jpg" })
  })

  it("refuses an over-long SKU or title, a missing SKU or brand, and a category code that is not Kaspi's", () => {
    expect(problemsOf({ variant: { ...input().variant, sku: "S".repeat(65) } }).map((p) => p.field)).toEqual(["sku"])
    expect(problemsOf({ product: { ...input().product, title: "Т".repeat(1025) } }).map((p) => p.field)).toEqual(["title"])
    expect(problemsOf({ variant: { ...input().variant, sku: "  " } })).toEqual([{ field: "sku", reason: "the variant has no SKU" }])
    expect(problemsOf({ brand: null }).map((p) => p.field)).toEqual(["brand"])
    expect(problemsOf({ category: "Тетради" }).map((p) => p.field)).toEqual(["category"])
  })

  it("never carries a price or stock: they stay in the price list", () => {
    const r = mapKaspiCard(input({ product: { ...input().product, price: 500, stock: 10 } as never }))
    expect(r.ok && Object.keys(r.card).sort()).toEqual(["attributes", "brand", "category", "description", "images", "sku", "title", "weight"])
  })
})
