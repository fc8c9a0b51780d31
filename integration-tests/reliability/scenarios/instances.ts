import { checkActions, checkOrders } from "../lib/checks"
import type { Cluster } from "../lib/cluster"
import { importedCount, seedKaspiOrders, unsentActions } from "../lib/orders"
import { report } from "../lib/figures"
import { tickReport } from "../lib/ticks"
import { startLeaseSampler } from "../lib/lease-sampler"
import { waitFor } from "../lib/wait"

/** Runs `fn` over `items`, `width` at a time. */
export async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>) {
  const queue = [...items]
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
  }))
}

/**
 * N Kaspi orders appear; the cluster's scheduled poll imports them; the merchant
 * accepts each one through the server's admin API, every request sent twice (a
 * client retry); the worker's outbox job delivers. Afterwards: N Medusa orders,
 * each whole and linked, each accept applied on Kaspi once, and per tick one
 * poll (on either instance), one outbox pass and at most one feed build.
 */
export async function severalInstances(c: Cluster, n: number) {
  const since = Date.now()
  const lease = startLeaseSampler(c.db)
  const { expected } = seedKaspiOrders(c.sandbox, n, 101)
  const codes = [...expected.keys()]
  await waitFor(`${n} orders imported`, async () => (await importedCount(c.db, codes)) === n, { timeoutMs: 60_000 + n * 2_500, everyMs: 1000 })
  const importS = (Date.now() - since) / 1000

  const t1 = Date.now()
  const answers: Record<number, number> = {}
  await inParallel(codes, 6, async (code) => {
    for (let i = 0; i < 2; i++) {
      const r = await c.admin("POST", `/admin/kaspi/orders/${code}/actions`, { action: "accept" })
      answers[r.status] = (answers[r.status] ?? 0) + 1
    }
  })
  await waitFor("every accept delivered", async () => (await unsentActions(c.db, codes)) === 0, { timeoutMs: 60_000 + n * 500, everyMs: 1000 })
  const drainS = (Date.now() - t1) / 1000

  const orders = await checkOrders(c.db, expected)
  const actions = await checkActions(c.db, c.sandbox.actions(), codes.map((code) => ({ code, action: "ACCEPTED_BY_MERCHANT" })))
  const ticks = await tickReport(c.db, c.kaspiCalls, since)
  const leases = await lease.stop()
  report("instances", {
    instances: 2,
    modes: `server=${process.env.RELIABILITY_SERVER_MODE ?? "shared"}, worker=worker`,
    orders: n,
    medusa_orders: orders.medusaOrders,
    duplicates: orders.duplicates,
    orphans: orders.orphans,
    not_whole: orders.notWhole.length,
    accepts_requested: n * 2,
    admin_answers: answers,
    accepts_applied_on_kaspi: actions.appliedOnKaspi,
    applied_twice: actions.doubleApplied.length,
    redundant_writes: actions.redundantWrites,
    ...ticks,
    ...leases,
    import_s: importS,
    deliver_s: drainS,
  })
  expect(orders.notWhole).toEqual([])
  expect(orders.medusaOrders).toBe(n)
  expect(orders.duplicates).toBe(0)
  expect(actions.missing).toEqual([])
  expect(actions.doubleApplied).toEqual([])
  expect(actions.sentRows).toBe(n)
  expect(ticks.ticks_with_two_polls).toBe(0)
  // a poll longer than the lease must keep it (two polls at once would double Kaspi traffic)
  expect(leases.lease_taken_mid_poll).toBe(0)
  expect(ticks.feed_min_gap_s === null || ticks.feed_min_gap_s >= 50).toBe(true)
}
