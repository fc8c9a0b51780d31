import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import fc from "fast-check"
import { create } from "xmlbuilder2"
import { generateFeed } from "../generate-feed"
import type { SqlClient } from "../read-catalog"
import { DEFAULT_FEED_SETTINGS } from "../settings"
import type { StoreMapping } from "../types"
import { SKU_ALLOWED } from "../validate-offer"
import { validateAgainstXsd, XSD_2022 } from "./xsd"

/**
 * Hostile catalogs through the real pipeline (reader row conversion → map →
 * validate → XML writer → gzip file), with a fake PG connection that serves
 * the rows as the cursor would. Properties: every output validates against the
 * XSD (libxml2), round-trips through a real XML parser (xmlbuilder2), and every
 * variant is accounted for: published once, reported with a reason, or excluded.
 */

const HOSTILE = ["&", "<", ">", '"', "'", "]]>", "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ж", "😀", "\u0007", "\uD800", "\uFFFE", " ", "\t", "\n", "\r", "\r\n", "a", "Z", "7"]
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", minLength: 300, maxLength: 600 })
)
const sku = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  fc.stringMatching(/^[A-Za-z0-9]{21,40}$/),
  fc.constantFrom("DUP-1", "DUP-2", "", "SKU 1", "СКУ-1", "A&B", "<x>"),
  hostileText
)
const qty = fc.oneof(fc.integer({ min: -10, max: 60 }), fc.double({ min: -5, max: 50, noNaN: true }))
const amount = fc.oneof(fc.integer({ min: -100, max: 5_000_000 }), fc.double({ min: -10, max: 100_000, noNaN: true }), fc.constant(0))

const stores: StoreMapping[] = [
  { store_id: "PP1", stock_location_id: "loc_1", stock_buffer: 1, pre_order_days: null },
  { store_id: "30123456_PP2", stock_location_id: "loc_2", stock_buffer: 0, pre_order_days: 3 },
]

const dbRow = fc.record({
  sku: fc.option(sku, { nil: null }),
  title: fc.option(hostileText, { nil: null }),
  product_title: fc.option(hostileText, { nil: null }),
  brand: fc.option(hostileText, { nil: undefined }),
  manage_inventory: fc.boolean(),
  // One variant in ten opted out of the feed.
  exclude: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  pre_order: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }),
  stock: fc.array(fc.tuple(fc.constantFrom("loc_1", "loc_2", "loc_other"), qty, qty), { maxLength: 3 }),
  prices: fc.option(fc.array(amount, { minLength: 1, maxLength: 2 }), { nil: null }),
})

type DbRow = typeof dbRow extends fc.Arbitrary<infer T> ? T : never

function toPgRows(rows: DbRow[]) {
  return rows.map((r, i) => {
    const id = `variant_${String(i).padStart(4, "0")}`
    return {
      id,
      sku: r.sku,
      title: r.title,
      metadata: { ...(r.exclude ? { kaspi_exclude: true } : {}), ...(r.pre_order !== undefined ? { kaspi_pre_order_days: r.pre_order } : {}) },
      manage_inventory: r.manage_inventory,
      product_id: `prod_${i}`,
      product_title: r.product_title,
      product_subtitle: null,
      product_metadata: r.brand !== undefined ? { brand: r.brand } : {},
      product_type: null,
      collection_title: null,
      stock: r.stock.length ? stockText(r.stock) : null,
      plain_prices: r.prices ? r.prices.join(" ") : null,
      rule_prices: null,
    }
  })
}

/**
 * One inventory item's stock as the reader's SQL writes it: "1 n stocked reserved …"
 * for the levels at the stores' locations (n: position in `stores`), one per location.
 */
function stockText(levels: [string, number, number][]): string {
  const locations = stores.map((s) => s.stock_location_id)
  const seen = new Set<string>()
  let text = "1"
  for (const [loc, stocked, reserved] of levels) {
    if (seen.has(loc) || !locations.includes(loc)) continue
    seen.add(loc)
    text += ` ${locations.indexOf(loc) + 1} ${stocked} ${reserved}`
  }
  return text
}

/** Serves rows the way readCatalogPages reads them: DECLARE … then FETCH n. */
function fakeDb(rows: any[]): SqlClient {
  let pos = 0
  const runner = {
    raw: async (sql: string) => {
      const m = /^FETCH (\d+)/.exec(sql)
      if (!m) return { rows: [] }
      const page = rows.slice(pos, pos + Number(m[1]))
      pos += page.length
      return { rows: page }
    },
  }
  return { ...runner, transaction: async () => ({ ...runner, commit: async () => undefined, rollback: async () => undefined }) }
}

function textOf(node: any): string {
  if (node === undefined || node === null) return ""
  if (typeof node === "string") return node
  return node["#"] ?? ""
}

describe("feed property: hostile catalogs", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaspi-feed-prop-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("always writes schema-valid XML and accounts for every variant", async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(dbRow, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        hostileText,
        async (rows, modernAttrs, company) => {
          const settings = { ...DEFAULT_FEED_SETTINGS, include_stock_count: modernAttrs, include_pre_order: modernAttrs }
          const pg = toPgRows(rows)
          const g = await generateFeed({
            db: fakeDb(pg),
            settings,
            stores,
            header: { company, merchantId: "30123456", date: "2026-11-29T12:00:00" },
            name: `prop-${run++}`,
            dir,
            pageSize: 7,
          })
          const xml = gunzipSync(readFileSync(g.xml_gz_path)).toString("utf8")
          rmSync(g.xml_gz_path)
          rmSync(g.manifest_gz_path)

          // accounting: published + skipped + excluded = read, and each skip names its variant
          expect(g.stats.variants_read).toBe(pg.length)
          expect(g.stats.offers + g.stats.skipped + g.stats.excluded).toBe(pg.length)
          expect(g.issues).toHaveLength(g.stats.skipped)
          expect(new Set(g.issues.map((i) => i.variant_id)).size).toBe(g.issues.length)

          // the XML parses (a real parser) and says what the stats say
          const doc: any = create(xml).end({ format: "object" })
          const catalog = doc.kaspi_catalog
          const offersNode = catalog.offers?.offer
          const offers: any[] = offersNode === undefined ? [] : Array.isArray(offersNode) ? offersNode : [offersNode]
          expect(offers).toHaveLength(g.stats.offers)
          const skus = offers.map((o) => o["@sku"])
          expect(new Set(skus).size).toBe(skus.length)
          for (const o of offers) {
            expect(o["@sku"]).toMatch(SKU_ALLOWED)
            expect(o["@sku"].length).toBeLessThanOrEqual(20)
            expect(textOf(o.model).trim().length).toBeGreaterThan(0)
            expect(Number(textOf(o.price))).toBeGreaterThan(0)
          }

          // each published offer comes from the row with its SKU; bad rows never reach the XML
          const published = new Set(skus)
          const reported = new Set(g.issues.map((i) => i.variant_id))
          const seen = new Set<string>()
          for (const r of pg) {
            const s = (r.metadata as any).kaspi_sku ?? (r.sku ?? "").trim()
            const excluded = Boolean((r.metadata as any).kaspi_exclude)
            const noPrice = !r.plain_prices || r.plain_prices.split(" ").every((a: string) => Math.round(Number(a)) <= 0)
            const bad = !s || s.length > 20 || !SKU_ALLOWED.test(s) || noPrice
            if (excluded) {
              expect(reported.has(r.id)).toBe(false)
              continue
            }
            if (bad) expect(reported.has(r.id)).toBe(true)
            if (!bad && !reported.has(r.id)) {
              expect(published.has(s)).toBe(true)
              expect(seen.has(s)).toBe(false) // a duplicate is reported, never published twice
              seen.add(s)
            }
            // A reported row whose SKU is published anyway: if it was reported as a
            // duplicate, the published offer came first; otherwise it was bad on its
            // own (e.g. no price) and a later row may well publish the same SKU.
            if (reported.has(r.id) && published.has(s) && g.issues.find((i) => i.variant_id === r.id)!.code === "duplicate_sku") {
              expect(seen.has(s)).toBe(true)
            }
          }

          // schema-valid whenever there is an offer (the XSD needs at least one)
          if (g.stats.offers > 0) {
            expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] })
            if (!modernAttrs) expect(await validateAgainstXsd(xml, XSD_2022)).toEqual({ valid: true, errors: [] })
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it("escaping round-trips any text through a real XML parser", () => {
    const { escapeXmlAttr, escapeXmlText, stripInvalidXmlChars } = require("../xml-escape")
    fc.assert(
      fc.property(hostileText, hostileText, (text: string, attr: string) => {
        const xml = `<r a="${escapeXmlAttr(attr)}">${escapeXmlText(text)}</r>`
        const el = create({ skipWhitespaceOnlyText: false }, xml).root().node as any
        expect(el.getAttribute("a")).toBe(stripInvalidXmlChars(attr))
        expect(el.textContent).toBe(stripInvalidXmlChars(text))
      }),
      { numRuns: 500 }
    )
  })
})
