/**
 * The import workflow itself, in one Medusa app (source mode, real PostgreSQL):
 * 1. recovery: an order whose import was killed after createOrderWorkflow (a
 *    half-made Medusa order, its record stuck "importing") is imported again
 *    exactly once: the half-made order is removed, one whole order remains;
 * 2. hostile payloads: a few hundred Kaspi orders with mutated fields (the
 *    JSON:API plumbing is the parser test's business) go the way a poll takes them (parse → record the unreadable ones → import the others):
 *    no crash, no partial order, every rejection kept with its reason.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow, createOrUpdateOrderPaymentCollectionWorkflow, createReservationsWorkflow, markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import fc from "fast-check"
import { startKaspiSandbox, type KaspiSandbox } from "../../sandbox"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import { parseOrdersPage } from "../../src/modules/kaspi/client/parse"
import type { KaspiOrder } from "../../src/modules/kaspi/client"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../src/lib/sync/ensure-kaspi-account-setup"
import { importKaspiOrderSafely } from "../../src/lib/sync/import-kaspi-order-safely"
import { seedCatalog } from "../helpers/catalog"
import { RELIABILITY_SKUS } from "./lib/catalog"
import { report } from "./lib/figures"
import { fetchOrderEnvelopes } from "./lib/kaspi-payloads"
import { mutate, mutationArb, type Json } from "./lib/mutate"
import { medusaStateOf, wholeProblems } from "./lib/order-state"
import { SIZES } from "./lib/settings"

jest.setTimeout(20 * 60_000)

const TOKEN = "import-workflow-token"
const ACCOUNT = "default"
const WHERE = { method: "GET", path: "/v2/orders" }
let sandbox: KaspiSandbox
let bases: Json[]

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 9 })
  const now = sandbox.now()
  sandbox.seedOrders({
    count: SIZES.fuzzImportRuns + 1,
    seed: 9,
    skus: RELIABILITY_SKUS,
    mix: { statuses: { APPROVED_BY_BANK: 6, ACCEPTED_BY_MERCHANT: 2, CANCELLED: 1 }, preOrder: 0.1 },
    from: now - 86_400_000,
    to: now - 1000,
  })
  bases = await fetchOrderEnvelopes(sandbox, TOKEN, now - 2 * 86_400_000, now)
})
afterAll(() => sandbox?.close())

async function prepare(container: MedusaContainer) {
  const setup = await ensureKaspiAccountSetup(container, ACCOUNT)
  await seedCatalog(
    container,
    RELIABILITY_SKUS.map((s) => ({ sku: s.sku, title: s.name, price: s.price, stock: { [setup.stock_location_id]: 1_000_000 } })),
    setup.sales_channel_id
  )
  return setup
}

const quantityOf = (o: KaspiOrder) => o.entries.reduce((s, e) => s + e.attributes.quantity, 0)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("imports once and whole an order whose earlier import was killed after creating the Medusa order", async () => {
      const container = getContainer()
      const setup = await prepare(container)
      const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
      const order = parseOrdersPage(bases.find((b: any) => b.data[0].attributes.status === "APPROVED_BY_BANK"), 0, WHERE).orders[0]

      // The killed attempt: record claimed ("importing"), a Medusa order made with the
      // Kaspi metadata, a reservation and a captured payment — then nothing (SIGKILL).
      const row = await kaspi.upsertKaspiOrderRecord(ACCOUNT, order)
      expect(await kaspi.claimKaspiOrderImport(row.id, 10)).not.toBeNull()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const sku = order.entries[0].attributes.offer!.code
      const { data: [variant] } = await query.graph({ entity: "product_variant", fields: ["id", "inventory_items.inventory_item_id"], filters: { sku } })
      const { result: halfMade } = await createOrderWorkflow(container).run({
        input: {
          region_id: setup.region_id,
          sales_channel_id: setup.sales_channel_id,
          email: "half@buyer.kaspi.invalid",
          currency_code: "kzt",
          items: [{ variant_id: variant.id, title: sku, quantity: 1, unit_price: 1000, is_tax_inclusive: true }],
          metadata: { kaspi: true, kaspi_account_id: ACCOUNT, kaspi_id: order.id, kaspi_code: order.code },
        } as any,
      })
      const { data: [withItems] } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: halfMade.id } })
      await createReservationsWorkflow(container).run({
        input: { reservations: [{ line_item_id: withItems.items[0].id, inventory_item_id: variant.inventory_items[0].inventory_item_id, location_id: setup.stock_location_id, quantity: 1 }] },
      })
      const { result: pcs } = await createOrUpdateOrderPaymentCollectionWorkflow(container).run({ input: { order_id: halfMade.id } })
      await markPaymentCollectionAsPaid(container).run({ input: { order_id: halfMade.id, payment_collection_id: pcs[0].id } })
      // …and its lease runs out.
      await kaspi.updateKaspiOrders({ id: row.id, import_lease_until: new Date(Date.now() - 1000) } as any)

      const result = await importKaspiOrderSafely(container, ACCOUNT, order)
      const state = await medusaStateOf(container, order.id)
      report("half-import-recovery", { outcome: result.outcome, live_orders: state.orders.length, half_made_removed: !state.orders.some((o) => o.id === halfMade.id) })
      expect(result.outcome).toBe("imported")
      expect(state.orders.map((o) => o.id)).not.toContain(halfMade.id)
      expect(wholeProblems(state, order.entries.length, quantityOf(order))).toEqual([])
      const { data: leftover } = await query.graph({ entity: "reservation_item", fields: ["id"], filters: { line_item_id: withItems.items[0].id } })
      expect(leftover).toEqual([])
    })

    it(`keeps ${SIZES.fuzzImportRuns} hostile Kaspi orders imported whole or rejected with a reason, never half`, async () => {
      const container = getContainer()
      await prepare(container)
      const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
      const counts: Record<string, number> = { cases: 0, envelope_rejected: 0, unreadable_kept_failed: 0, unreadable_without_id: 0, refetch_needed: 0 }
      const problems: string[] = []
      const t0 = Date.now()
      let n = 0
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), async (mutations) => {
          const caseNo = n++
          counts.cases += 1
          const body = unique(mutate(bases[caseNo % bases.length], mutations, (p) => p.includes("attributes")), caseNo)
          let page
          try {
            page = parseOrdersPage(body, 0, WHERE)
          } catch {
            counts.envelope_rejected += 1
            return
          }
          // What syncKaspiOrders does with the page: unreadable orders are recorded as failed…
          for (const invalid of page.invalid) {
            const rec = await kaspi.recordInvalidKaspiOrder(ACCOUNT, invalid)
            if (!rec) {
              counts.unreadable_without_id += 1
              continue
            }
            const [row] = await kaspi.listKaspiOrders({ id: rec.id })
            if (row.import_status !== "failed" || !row.import_reason?.includes(invalid.reason.slice(0, 40))) problems.push(`unreadable ${rec.id}: ${row.import_status}`)
            else counts.unreadable_kept_failed += 1
          }
          // …and readable ones are imported (entries the page left out would be fetched first).
          for (const order of page.orders) {
            if (order.missingEntryIds.length) {
              counts.refetch_needed += 1
              continue
            }
            const result = await importKaspiOrderSafely(container, ACCOUNT, order)
            const state = await medusaStateOf(container, order.id)
            const status = state.record?.import_status ?? "none"
            counts[status] = (counts[status] ?? 0) + 1
            if (status === "imported") {
              const p = wholeProblems(state, order.entries.length, quantityOf(order))
              if (p.length) problems.push(`${order.code}: imported but ${p.join(", ")}`)
            } else {
              if (!["needs_attention", "failed", "ignored"].includes(status)) problems.push(`${order.code}: ${status} after ${result.outcome} (${result.reason})`)
              if (!state.record?.import_reason) problems.push(`${order.code}: ${status} without a reason`)
              if (state.orders.length) problems.push(`${order.code}: ${status} but ${state.orders.length} Medusa order(s) left`)
            }
          }
          expect(problems).toEqual([])
        }),
        { numRuns: SIZES.fuzzImportRuns, seed: Number(process.env.RELIABILITY_FUZZ_SEED || 20261129), endOnFailure: true }
      )
      const [reasons] = [await kaspi.listKaspiOrders({ import_status: ["failed", "needs_attention"] }, { select: ["import_reason"], take: 1000 })]
      report("fuzz-import", {
        ...counts,
        sample_reasons: [...new Set(reasons.map((r) => String(r.import_reason).slice(0, 90)))].slice(0, 6),
        seconds: (Date.now() - t0) / 1000,
      })
    })
  },
})

/** Keeps each case's Kaspi ids apart from the others' (a mutated id may repeat, e.g. "NaN"). */
function unique(body: Json, caseNo: number): Json {
  for (const item of ((body as any)?.data ?? []) as any[]) {
    if (item && typeof item === "object" && typeof item.id === "string") item.id = `${item.id}~${caseNo}`
    const a = item?.attributes
    if (a && typeof a === "object" && typeof a.code === "string") a.code = `${a.code}~${caseNo}`
  }
  return body
}
