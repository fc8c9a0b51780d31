import { checkActions, checkOrders } from "../lib/checks"
import type { Cluster } from "../lib/cluster"
import { sql } from "../lib/db"
import { report } from "../lib/figures"
import { allOutput } from "../lib/medusa-process"
import { importedCount, importSummary, seedKaspiOrders, unsentActions } from "../lib/orders"
import { waitFor } from "../lib/wait"
import { inParallel } from "./instances"

const ALL_KINDS = ["latency", "5xx", "429", "timeout", "html404", "malformed"] as const

/**
 * Kaspi misbehaves on 20% of requests (answers after the client's timeout,
 * 5xx, 429, an HTML 404 page, cut-off JSON, no answer at all) while N orders
 * arrive and the merchant accepts them: everything still gets imported and
 * delivered. Prints the faults injected, the retries each layer made (client
 * retries from the instances' logs, outbox attempts, failed polls) and the
 * time to drain.
 */
export async function kaspiFaults(c: Cluster, n: number) {
  const since = Date.now()
  const sandboxSeq = c.sandbox.requests().length
  const outputFrom = allOutput.length
  c.sandbox.setFaults({ rate: 0.2, kinds: [...ALL_KINDS], latencyMs: 6000 })
  const { expected } = seedKaspiOrders(c.sandbox, n, 202)
  const codes = [...expected.keys()]
  let importS = 0
  let deliverS = 0
  try {
    await waitFor(`${n} orders imported through the faults`, async () => (await importedCount(c.db, codes)) === n, {
      timeoutMs: 120_000 + n * 3_000,
      everyMs: 1000,
    }).catch(async (e) => {
      throw new Error(`${e.message}\n${await importSummary(c.db, codes)}`)
    })
    importS = (Date.now() - since) / 1000
    const t1 = Date.now()
    await inParallel(codes, 6, (code) => c.admin("POST", `/admin/kaspi/orders/${code}/actions`, { action: "accept" }))
    await waitFor("every accept delivered through the faults", async () => (await unsentActions(c.db, codes)) === 0, { timeoutMs: 180_000 + n * 1_000, everyMs: 1000 })
    deliverS = (Date.now() - t1) / 1000
  } finally {
    c.sandbox.setFaults({ rate: 0, kinds: [] })
  }

  const requests = c.sandbox.requests().slice(sandboxSeq)
  const faults: Record<string, number> = {}
  for (const r of requests) if (r.fault) faults[r.fault] = (faults[r.fault] ?? 0) + 1
  const output = allOutput.slice(outputFrom).join("")
  const [attempts] = await sql(c.db, `select coalesce(sum(attempts), 0)::int as a, count(*)::int as n from kaspi_action where code = any($1)`, [codes])
  const orders = await checkOrders(c.db, expected)
  const actions = await checkActions(c.db, c.sandbox.actions(), codes.map((code) => ({ code, action: "ACCEPTED_BY_MERCHANT" })))
  report("faults", {
    orders: n,
    fault_rate: 0.2,
    kaspi_requests: requests.length,
    faults_injected: Object.values(faults).reduce((a, b) => a + b, 0),
    faults_by_kind: faults,
    client_retries: (output.match(/, retrying/g) ?? []).length,
    failed_polls_retried_next_tick: (output.match(/Kaspi poll of account/g) ?? []).length,
    outbox_attempts: attempts.a,
    outbox_retries: attempts.a - attempts.n,
    medusa_orders: orders.medusaOrders,
    duplicates: orders.duplicates,
    not_whole: orders.notWhole.length,
    accepts_applied_on_kaspi: actions.appliedOnKaspi,
    applied_twice: actions.doubleApplied.length,
    timed_out_writes_resent_answered_already: actions.redundantWrites,
    import_drain_s: importS,
    delivery_drain_s: deliverS,
  })
  expect(Object.keys(faults).length).toBeGreaterThanOrEqual(4)
  expect(orders.notWhole).toEqual([])
  expect(orders.duplicates).toBe(0)
  expect(orders.medusaOrders).toBe(n)
  expect(actions.missing).toEqual([])
  expect(actions.doubleApplied).toEqual([])
}
