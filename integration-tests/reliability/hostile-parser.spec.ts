/**
 * Hostile Kaspi payloads through the pure part of orders-in: the page parser
 * (zod schemas), the record values written to kaspi_order, the import decision
 * and the Kaspi → Medusa mapping. Valid pages come from the sandbox over HTTP;
 * fast-check mutates them (fields missing or null, wrong types, huge and
 * negative numbers, unknown states/statuses, duplicated orders and entries,
 * any Unicode in any string). Properties: nothing throws but a clear
 * invalid_response for a broken envelope; every order on the page is either
 * parsed or rejected with a reason that names the field; whatever is parsed
 * maps to a Medusa order or to a stated reason, never to a crash.
 */
import fc from "fast-check"
import { startKaspiSandbox, type KaspiSandbox } from "../../sandbox"
import { KaspiApiError } from "../../src/modules/kaspi/client"
import { parseOrdersPage } from "../../src/modules/kaspi/client/parse"
import { kaspiOrderRecordValues } from "../../src/modules/kaspi/kaspi-order-record"
import { importDecision } from "../../src/lib/orders/import-decision"
import { entrySku, mapKaspiOrder } from "../../src/lib/orders/map-kaspi-order"
import { RELIABILITY_SKUS } from "./lib/catalog"
import { report } from "./lib/figures"
import { fetchOrderEnvelopes } from "./lib/kaspi-payloads"
import { mutate, mutationArb, type Json } from "./lib/mutate"
import { SIZES } from "./lib/settings"

const TOKEN = "hostile-parser-token"
const WHERE = { method: "GET", path: "/v2/orders" }
const SETUP = { region_id: "reg_1", sales_channel_id: "sc_1", shipping_option_id: "so_1", currency_code: "kzt" }

describe("hostile Kaspi payloads through the parser and the mapping", () => {
  let sandbox: KaspiSandbox
  let bases: Json[]

  beforeAll(async () => {
    sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 5 })
    const now = sandbox.now()
    sandbox.seedOrders({ count: 40, seed: 5, skus: RELIABILITY_SKUS, from: now - 86_400_000, to: now - 1000 })
    bases = await fetchOrderEnvelopes(sandbox, TOKEN, now - 2 * 86_400_000, now)
  })
  afterAll(() => sandbox?.close())

  it(`survives ${SIZES.fuzzParserRuns} mutated pages`, () => {
    const counts = { cases: 0, envelope_rejected: 0, orders_parsed: 0, orders_rejected: 0, mapped: 0, map_refused: 0, ignored: 0 }
    const reasons = new Map<string, number>()
    const t0 = Date.now()
    fc.assert(
      // One case in five is a page of several orders (slower to parse, so not more often).
      fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.nat(4).map((x) => x === 0), (pick, mutations, wholePage) => {
        counts.cases += 1
        // Usually one order's page; sometimes a page of several with the mutation anywhere in it.
        const base = wholePage ? mergePages(bases.slice(pick % bases.length, (pick % bases.length) + 5)) : bases[pick % bases.length]
        const body = mutate(base, mutations, (p) => p.includes("attributes") || p.includes("relationships") || p[0] === "data" || p[0] === "included")
        let page
        try {
          page = parseOrdersPage(body, 0, WHERE)
        } catch (e) {
          // Only a broken envelope may throw (no data array, broken paging), and then as a
          // clear, typed error: one broken order or entry must not block its whole page.
          expect(envelopeBroken(body)).toBe(true)
          expect(e).toBeInstanceOf(KaspiApiError)
          expect((e as KaspiApiError).kind).toBe("invalid_response")
          expect((e as KaspiApiError).message).toMatch(/does not match the Kaspi API: \S/)
          counts.envelope_rejected += 1
          return
        }
        const data = (body as { data: unknown[] }).data
        expect(page.orders.length + page.invalid.length).toBe(data.length)
        for (const bad of page.invalid) {
          // A reason that says where: "attributes.totalPrice: …", "entry … : attributes.quantity: …"
          expect(bad.reason).toMatch(/\S+: \S/)
          reasons.set(bad.reason.replace(/: .*$/, ""), (reasons.get(bad.reason.replace(/: .*$/, "")) ?? 0) + 1)
          counts.orders_rejected += 1
        }
        for (const order of page.orders) {
          counts.orders_parsed += 1
          expect(order.code.length).toBeGreaterThan(0)
          for (const e of order.entries) expect(Number.isInteger(e.attributes.quantity) && e.attributes.quantity > 0).toBe(true)
          const values = kaspiOrderRecordValues("default", order)
          expect(typeof values.kaspi_id).toBe("string")
          // Every date the record gets must be a real one (PostgreSQL refuses "Invalid Date").
          for (const v of Object.values(values)) if (v instanceof Date) expect(Number.isFinite(v.getTime())).toBe(true)
          if (importDecision(order.attributes).action === "ignore") {
            counts.ignored += 1
            continue
          }
          const variants = new Map(order.entries.map((e) => [entrySku(e) ?? "", { variant_id: `variant_${entrySku(e)}`, sku: entrySku(e) }]))
          const mapped = mapKaspiOrder(order, { accountId: "default", variants, setup: SETUP })
          if (mapped.ok) {
            counts.mapped += 1
            expect(Math.abs(mapped.expectedTotal - order.attributes.totalPrice)).toBeLessThan(0.5)
            for (const item of mapped.order.items) expect(Number.isFinite(item.unit_price) && item.unit_price >= 0 && item.quantity > 0).toBe(true)
          } else {
            counts.map_refused += 1
            expect(mapped.reason.length).toBeGreaterThan(5)
          }
        }
      }),
      { numRuns: SIZES.fuzzParserRuns, seed: Number(process.env.RELIABILITY_FUZZ_SEED || 20261129) }
    )
    report("fuzz-parser", {
      ...counts,
      top_rejection_fields: [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8),
      seconds: (Date.now() - t0) / 1000,
    })
    expect(counts.cases).toBeGreaterThanOrEqual(10_000)
    expect(counts.orders_rejected).toBeGreaterThan(0)
    expect(counts.mapped).toBeGreaterThan(0)
  })
})

function envelopeBroken(body: Json): boolean {
  const b = body as Record<string, unknown>
  const meta = b.meta as Record<string, unknown> | undefined
  const count = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0
  return (
    !Array.isArray(b.data) ||
    (b.included != null && !Array.isArray(b.included)) ||
    (meta !== undefined && (meta === null || typeof meta !== "object" || Array.isArray(meta) || !count(meta.pageCount) || !count(meta.totalCount)))
  )
}

function mergePages(pages: Json[]): Json {
  const ps = pages as Array<{ data: Json[]; included: Json[] }>
  return { data: ps.flatMap((p) => p.data), included: ps.flatMap((p) => p.included), meta: { pageCount: 1, totalCount: ps.length } }
}
