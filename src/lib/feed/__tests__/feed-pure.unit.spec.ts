import { diffManifests, manifestLine, parseManifestLine } from "../diff"
import { evaluateGuards } from "../guards"
import { mapVariantToOffer } from "../map-variant-to-offer"
import { applyPriceRule, pickMainPrice } from "../price-rule"
import { renderFooter, renderHeader, renderOffer, formatFeedDate } from "../render-offer"
import { pricesOfVariant, stockOfVariant } from "../read-catalog"
import { isFeedDue, STALE_RUNNING_MS } from "../schedule"
import { generateFeedSecret, secretFromFileName, secretsEqual } from "../secret"
import { DEFAULT_FEED_SETTINGS, resolveFeedSettings, settingsProblems, type FeedSettings } from "../settings"
import type { CatalogVariantRow, FeedOffer, StoreMapping } from "../types"
import { validateOffer } from "../validate-offer"
import { KASPI_FEED_CODES } from "../../../types/kaspi-texts"
import { escapeXmlAttr, escapeXmlText } from "../xml-escape"
import { SULPAK_2022, validateAgainstXsd, XSD_2022 } from "./xsd"

const stores: StoreMapping[] = [
  { store_id: "PP1", stock_location_id: "loc_a", stock_buffer: 2, pre_order_days: null },
  { store_id: "PP2", stock_location_id: "loc_b", stock_buffer: 0, pre_order_days: 5 },
]

function row(over: Partial<CatalogVariantRow> = {}): CatalogVariantRow {
  return {
    variant_id: "variant_1",
    sku: "SKU-1",
    variant_title: "Black",
    variant_metadata: null,
    manage_inventory: true,
    product_id: "prod_1",
    product_title: "Phone X",
    product_subtitle: null,
    product_metadata: { brand: "Acme" },
    product_type: "Phones",
    collection_title: "Summer",
    stock: [
      { location_id: "loc_a", quantity: 10 },
      { location_id: "loc_b", quantity: 0 },
    ],
    prices: [{ amount: 1000, price_list_id: null, region_id: null }],
    ...over,
  }
}

function map(r: CatalogVariantRow, s: Partial<FeedSettings> = {}, st = stores) {
  const m = mapVariantToOffer(r, { settings: { ...DEFAULT_FEED_SETTINGS, ...s }, stores: st })
  if (m.kind !== "offer") throw new Error(`excluded: ${m.reason}`)
  return m
}

const vctx = (over: Partial<{ skuMaxLength: number; knownStoreIds: Set<string>; seenSkus: Set<string> }> = {}) => ({
  skuMaxLength: 20,
  knownStoreIds: new Set(["PP1", "PP2"]),
  seenSkus: new Set<string>(),
  ...over,
})

describe("variant → offer", () => {
  it("publishes stock per store minus the buffer, and pre-order days where there is no stock", () => {
    const { offer } = map(row())
    expect(offer).toMatchObject({ sku: "SKU-1", model: "Phone X Black", brand: "Acme", price: 1000 })
    expect(offer.availabilities).toEqual([
      { storeId: "PP1", available: "yes", stockCount: 8, preOrder: 0 },
      { storeId: "PP2", available: "yes", stockCount: 0, preOrder: 5 },
    ])
  })

  it("floors negative and fractional stock, and says no when the buffer eats it all", () => {
    const { offer, warnings } = map(
      row({ stock: [{ location_id: "loc_a", quantity: 2.9 }, { location_id: "loc_b", quantity: -3 }] }),
      {},
      [stores[0], { ...stores[1], pre_order_days: null }]
    )
    expect(offer.availabilities).toEqual([
      { storeId: "PP1", available: "no", stockCount: 0, preOrder: 0 },
      { storeId: "PP2", available: "no", stockCount: 0, preOrder: 0 },
    ])
    expect(warnings.map((w) => w.code).sort()).toEqual(["fractional_stock", "negative_stock"])
  })

  it("uses the variant's kaspi_pre_order_days over the store default, and omits attributes when turned off", () => {
    const r = row({ variant_metadata: { kaspi_pre_order_days: 12 } })
    expect(map(r).offer.availabilities[1]).toEqual({ storeId: "PP2", available: "yes", stockCount: 0, preOrder: 12 })
    const off = map(r, { include_pre_order: false, include_stock_count: false })
    expect(off.offer.availabilities).toEqual([
      { storeId: "PP1", available: "yes" },
      { storeId: "PP2", available: "no" },
    ])
  })

  it("treats variants without managed inventory as available everywhere", () => {
    const { offer } = map(row({ manage_inventory: false, stock: [] }))
    expect(offer.availabilities.every((a) => a.available === "yes" && a.stockCount === undefined)).toBe(true)
  })

  it("leaves out opted-out variants and products", () => {
    const ctx = { settings: DEFAULT_FEED_SETTINGS, stores }
    expect(mapVariantToOffer(row({ variant_metadata: { kaspi_exclude: true } }), ctx).kind).toBe("excluded")
    expect(mapVariantToOffer(row({ product_metadata: { kaspi_exclude: "true" } }), ctx).kind).toBe("excluded")
  })

  it("takes the SKU override and each brand source", () => {
    expect(map(row({ variant_metadata: { kaspi_sku: "K-77" } })).offer.sku).toBe("K-77")
    expect(map(row(), { brand_source: "type" }).offer.brand).toBe("Phones")
    expect(map(row(), { brand_source: "collection" }).offer.brand).toBe("Summer")
    expect(map(row(), { brand_source: "fixed", brand_value: "Own" }).offer.brand).toBe("Own")
    const none = map(row({ product_metadata: {} }))
    expect(none.offer.brand).toBeUndefined()
    expect(none.warnings.map((w) => w.code)).toContain("missing_brand")
  })

  it("fills the model template and drops Medusa's default variant title", () => {
    expect(map(row({ variant_title: "Default variant" })).offer.model).toBe("Phone X")
    expect(
      map(row({ variant_metadata: { color: "red" } }), { model_template: "{brand}  {product.title} ({variant.metadata.color}) {sku}" }).offer.model
    ).toBe("Acme Phone X (red) SKU-1")
  })

  it("applies markup, fixed add and rounding, and picks region / price-list prices with fallback", () => {
    const rule = { price_markup_percent: 10, price_fixed_add: 0, price_rounding: 1 as const, price_rounding_mode: "nearest" as const }
    expect(applyPriceRule(1000, rule)).toBe(1100)
    expect(applyPriceRule(1000, { ...rule, price_rounding_mode: "up" })).toBe(1100) // no binary-noise ceil to 1101
    expect(applyPriceRule(1234, { ...rule, price_markup_percent: 0, price_fixed_add: 5, price_rounding: 10 })).toBe(1240)
    expect(applyPriceRule(1251, { ...rule, price_markup_percent: 0, price_rounding: 100, price_rounding_mode: "down" })).toBe(1200)
    expect(applyPriceRule(99.5, { ...rule, price_markup_percent: 0 })).toBe(100)
    const prices = [
      { amount: 1000, price_list_id: null, region_id: null },
      { amount: 900, price_list_id: null, region_id: "reg_kz" },
      { amount: 800, price_list_id: "plist_kaspi", region_id: null },
    ]
    expect(pickMainPrice(prices, { price_source: "base", price_region_id: null, price_list_id: null })).toBe(1000)
    expect(pickMainPrice(prices, { price_source: "region", price_region_id: "reg_kz", price_list_id: null })).toBe(900)
    expect(pickMainPrice(prices, { price_source: "region", price_region_id: "reg_other", price_list_id: null })).toBe(1000)
    expect(pickMainPrice(prices, { price_source: "price_list", price_region_id: null, price_list_id: "plist_kaspi" })).toBe(800)
    expect(pickMainPrice(prices, { price_source: "price_list", price_region_id: null, price_list_id: "plist_none" })).toBe(1000)
  })

  it("writes city prices instead of a price when cities are configured", () => {
    const r = row({ prices: [{ amount: 1000, price_list_id: null, region_id: null }, { amount: 1200, price_list_id: "pl_ast", region_id: null }] })
    const { offer, warnings } = map(r, {
      city_prices: [{ city_id: "750000000" }, { city_id: "710000000", price_list_id: "pl_ast" }, { city_id: "591010000", price_list_id: "pl_missing" }],
    })
    expect(offer.price).toBeUndefined()
    expect(offer.cityprices).toEqual([
      { cityId: "750000000", price: 1000 },
      { cityId: "710000000", price: 1200 },
      { cityId: "591010000", price: 1000 },
    ])
    expect(warnings.map((w) => w.code)).toEqual(["city_price_fallback"])
  })
})

describe("stock rows from the database", () => {
  const locs = ["loc_a", "loc_b"]
  // The reader's stock text: per inventory item "required_quantity n stocked reserved …"
  // (n: 1-based position of the location in `locs`), items comma-separated.
  it("one inventory item: stocked − reserved per location, 0 where there is no level", () => {
    expect(stockOfVariant("1 1 10 3", locs)).toEqual([
      { location_id: "loc_a", quantity: 7 },
      { location_id: "loc_b", quantity: 0 },
    ])
    expect(stockOfVariant("1", locs)).toEqual([
      { location_id: "loc_a", quantity: 0 },
      { location_id: "loc_b", quantity: 0 },
    ])
    expect(stockOfVariant("2 2 7.5 0.5", locs)).toEqual([
      { location_id: "loc_a", quantity: 0 },
      { location_id: "loc_b", quantity: 3.5 },
    ])
    expect(stockOfVariant(null, locs)).toEqual([])
  })

  it("a kit is as available as its scarcest part, per required quantity", () => {
    const items = [
      "1 1 10 0 2 5 0", // body: 10 at loc_a, 5 at loc_b
      "4 1 20 2", // wheels: 18 / 4 = 4.5 kits at loc_a, none at loc_b
    ]
    expect(stockOfVariant(items.join(","), locs)).toEqual([
      { location_id: "loc_a", quantity: 4.5 },
      { location_id: "loc_b", quantity: 0 },
    ])
  })

  it("reads plain prices as amounts and the others with their price list and region", () => {
    expect(pricesOfVariant("1000 1200.5", [[900, "plist_1", null], ["800", null, "reg_1"]])).toEqual([
      { amount: 1000, price_list_id: null, region_id: null },
      { amount: 1200.5, price_list_id: null, region_id: null },
      { amount: 900, price_list_id: "plist_1", region_id: null },
      { amount: 800, price_list_id: null, region_id: "reg_1" },
    ])
    expect(pricesOfVariant(null, null)).toEqual([])
  })
})

describe("offer validation", () => {
  const good = (): FeedOffer => map(row()).offer

  it("accepts a good offer and remembers its SKU", () => {
    const ctx = vctx()
    expect(validateOffer(good(), ctx)).toEqual({ ok: true })
    expect(ctx.seenSkus.has("SKU-1")).toBe(true)
  })

  const cases: [string, (o: FeedOffer) => FeedOffer, ReturnType<typeof vctx> | null][] = [
    ["missing_sku", (o) => ({ ...o, sku: "" }), null],
    ["duplicate_sku", (o) => o, vctx({ seenSkus: new Set(["SKU-1"]) })],
    ["sku_too_long", (o) => ({ ...o, sku: "A".repeat(21) }), null],
    ["sku_invalid_chars", (o) => ({ ...o, sku: "SKU 1" }), null],
    ["sku_invalid_chars", (o) => ({ ...o, sku: "СКУ-1" }), null],
    ["empty_model", (o) => ({ ...o, model: " " }), null],
    ["missing_price", (o) => ({ ...o, price: undefined }), null],
    ["invalid_price", (o) => ({ ...o, price: 0 }), null],
    ["invalid_price", (o) => ({ ...o, price: 10.5 }), null],
    ["invalid_price", (o) => ({ ...o, price: -5 }), null],
    ["price_and_cityprices", (o) => ({ ...o, cityprices: [{ cityId: "750000000", price: 5 }] }), null],
    ["invalid_pre_order", (o) => ({ ...o, availabilities: [{ storeId: "PP1", available: "yes", preOrder: 31 }] }), null],
    ["invalid_pre_order", (o) => ({ ...o, availabilities: [{ storeId: "PP1", available: "yes", preOrder: -1 }] }), null],
    ["unknown_store", (o) => ({ ...o, availabilities: [{ storeId: "PP9", available: "yes" }] }), null],
    ["no_availability", (o) => ({ ...o, availabilities: [] }), null],
    ["invalid_stock", (o) => ({ ...o, availabilities: [{ storeId: "PP1", available: "yes", stockCount: 1.5 }] }), null],
  ]
  it.each(cases)("reports %s", (code, change, ctx) => {
    const r = validateOffer(change(good()), ctx ?? vctx())
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issue.code).toBe(code)
      expect(r.issue.variant_id).toBe("variant_1")
      expect(r.issue.message.length).toBeGreaterThan(5)
      // Issue #19: the reason also as a listed code (feed.offer_skipped.*) for the admin's language.
      expect(KASPI_FEED_CODES).toContain(r.issue.text?.code)
    }
  })

  it("gives the sentence's parameters: the SKU, its length and the limit", () => {
    const r = validateOffer({ ...good(), sku: "A".repeat(21) }, vctx())
    expect(!r.ok && r.issue.text).toEqual({ code: "feed.offer_skipped.sku_too_long", params: { sku: "A".repeat(21), length: 21, max: 20 } })
  })

  it("honours a configured SKU length and explains the 20-character default", () => {
    const long = { ...good(), sku: "130342357_673822557_XL" }
    const r = validateOffer(long, vctx())
    expect(!r.ok && r.issue.message).toMatch(/sku_max_length.*real feeds/)
    expect(validateOffer(long, vctx({ skuMaxLength: 64 }))).toEqual({ ok: true })
  })
})

describe("XML writer", () => {
  it("escapes text and attributes and drops characters XML forbids", () => {
    expect(escapeXmlText(`a & b < c > d "q" 'a'`)).toBe(`a &amp; b &lt; c &gt; d "q" 'a'`)
    expect(escapeXmlAttr(`a&"<'>\tx\ny`)).toBe("a&amp;&quot;&lt;&apos;&gt;&#9;x&#10;y")
    expect(escapeXmlText("bell\u0007 lone\uD800 ok😀")).toBe("bell lone ok😀")
  })

  it("writes a feed that validates against Kaspi's 2022 schema when stock counts and pre-order are off", async () => {
    const settings = { ...DEFAULT_FEED_SETTINGS, include_stock_count: false, include_pre_order: false }
    const o = mapVariantToOffer(row({ product_title: `Tom & Jerry "<Кітап>"` }), { settings, stores })
    if (o.kind !== "offer") throw new Error("excluded")
    const xml = renderHeader({ company: "A&B", merchantId: "123", date: formatFeedDate(new Date(0)) }) + renderOffer(o.offer) + renderFooter()
    expect(await validateAgainstXsd(xml, XSD_2022)).toEqual({ valid: true, errors: [] })
    expect(xml).toContain('<kaspi_catalog date="1970-01-01T05:00:00"')
    // and the validator really validates: Kaspi's own sample passes, a broken feed fails
    expect((await validateAgainstXsd(SULPAK_2022, XSD_2022)).valid).toBe(true)
    expect((await validateAgainstXsd(xml.replace("<price>", "<price>-"), XSD_2022)).valid).toBe(false)
    expect((await validateAgainstXsd(renderHeader({ company: "a", merchantId: "b", date: "d" }) + renderFooter())).valid).toBe(false)
  })
})

describe("diff, guards, schedule, secret, settings", () => {
  const o = (sku: string, price: number, stock = 1): FeedOffer => ({
    sku,
    model: "m",
    availabilities: [{ storeId: "PP1", available: stock > 0 ? "yes" : "no", stockCount: stock }],
    price,
    variant_id: sku,
    product_id: "p",
  })
  const entries = (os: FeedOffer[]) => os.map((x) => parseManifestLine(manifestLine(x).trimEnd())!)

  it("counts added, removed, price and stock changes", () => {
    const d = diffManifests(entries([o("A", 1), o("B", 2), o("C", 3)]), entries([o("A", 1), o("B", 5), o("C", 3, 0), o("D", 4)]))
    expect(d).toMatchObject({ previous_offers: 3, offers: 4, added: 1, removed: 0, price_changed: 1, stock_changed: 1, unchanged: 1 })
    expect(d.samples.price_changed).toEqual([{ sku: "B", from: "2", to: "5" }])
    expect(diffManifests(entries([o("A", 1), o("B", 1)]), entries([o("A", 1)])).samples.removed).toEqual(["B"])
  })

  it("refuses an empty feed and a drop over the threshold unless forced", () => {
    expect(evaluateGuards({ offers: 0, previous_offers: 0, removed: 0 }, { maxRemovedShare: 0.2 })).toMatchObject({ publish: false, code: "empty_feed" })
    expect(evaluateGuards({ offers: 0, previous_offers: 10, removed: 10 }, { maxRemovedShare: 0.2, force: true })).toMatchObject({ publish: false, code: "empty_feed" })
    expect(evaluateGuards({ offers: 8, previous_offers: 10, removed: 2 }, { maxRemovedShare: 0.2 })).toEqual({ publish: true })
    const refused = evaluateGuards({ offers: 7, previous_offers: 10, removed: 3 }, { maxRemovedShare: 0.2 })
    expect(refused).toMatchObject({ publish: false, code: "too_many_removed" })
    expect(!refused.publish && refused.message).toMatch(/3 of 10 offers \(30%\).*20%/)
    expect(evaluateGuards({ offers: 7, previous_offers: 10, removed: 3 }, { maxRemovedShare: 0.2, force: true })).toEqual({ publish: true, overridden: "too_many_removed" })
    expect(evaluateGuards({ offers: 5, previous_offers: 0, removed: 0 }, { maxRemovedShare: 0 })).toEqual({ publish: true })
  })

  it("is due after the interval, and a running build blocks until it goes stale", () => {
    const now = new Date("2026-11-29T12:00:00Z")
    const ago = (ms: number) => new Date(now.getTime() - ms)
    expect(isFeedDue(now, 15, null)).toBe(true)
    expect(isFeedDue(now, 15, { started_at: ago(14 * 60_000), status: "published" })).toBe(false)
    expect(isFeedDue(now, 15, { started_at: ago(15 * 60_000), status: "refused" })).toBe(true)
    expect(isFeedDue(now, 15, { started_at: ago(30 * 60_000), status: "running" })).toBe(false)
    expect(isFeedDue(now, 15, { started_at: ago(STALE_RUNNING_MS), status: "running" })).toBe(true)
  })

  it("makes URL-safe secrets and compares them safely", () => {
    const s = generateFeedSecret()
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(secretFromFileName(`${s}.xml`)).toBe(s)
    expect(secretFromFileName(`${s}.json`)).toBeNull()
    expect(secretFromFileName("short.xml")).toBeNull()
    expect(secretsEqual(s, s)).toBe(true)
    expect(secretsEqual(s, generateFeedSecret())).toBe(false)
  })

  it("fills defaults, keeps valid stored keys and reports inconsistent settings", () => {
    expect(resolveFeedSettings({})).toEqual(DEFAULT_FEED_SETTINGS)
    expect(resolveFeedSettings({ sku_max_length: 40, bogus: 1, interval_minutes: -5 })).toMatchObject({ sku_max_length: 40, interval_minutes: 15 })
    expect(settingsProblems({ ...DEFAULT_FEED_SETTINGS, price_source: "region" })).toEqual([expect.stringMatching(/price_region_id/)])
    expect(settingsProblems({ ...DEFAULT_FEED_SETTINGS, city_prices: [{ city_id: "1" }, { city_id: "1" }] })).toHaveLength(1)
  })
})
