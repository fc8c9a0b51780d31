import { checkActions, checkOrders } from "../lib/checks"
import type { Cluster } from "../lib/cluster"
import { sql } from "../lib/db"
import { report } from "../lib/figures"
import { importedCount, importSummary, seedKaspiOrders, unsentActions } from "../lib/orders"
import { sleep, waitFor } from "../lib/wait"
import { inParallel } from "./instances"

async function sentCount(db: string, codes: string[]): Promise<number> {
  const [r] = await sql(db, `select count(*)::int as n from kaspi_action where code = any($1) and status = 'sent'`, [codes])
  return r.n
}

/**
 * Kills the worker once `progress()` has reached `atLeast` (and moved since the last
 * restart), after a random extra moment, then starts it again. Spreading `atLeast`
 * over the run puts kills early, midway and late rather than all at the start.
 */
async function killMidway(c: Cluster, what: string, progress: () => Promise<number>, total: number, atLeast: number, log: string[]) {
  const from = await progress()
  const moved = await waitFor(`${what} to progress`, async () => {
    const p = await progress()
    return (p > from && p >= atLeast) || p >= total ? p : 0
  }, { timeoutMs: 300_000, everyMs: 200 }).catch(() => total)
  if (moved >= total) return false
  await sleep(Math.floor(Math.random() * 2500))
  const at = await progress()
  await c.worker.kill()
  const [held] = await sql(c.db, `select count(*)::int as n from kaspi_order where import_status = 'importing'`)
  const [sending] = await sql(c.db, `select count(*)::int as n from kaspi_action where status = 'sending'`)
  log.push(`${what} ${at}/${total}: SIGKILL (importing ${held.n}, sending ${sending.n})`)
  await c.worker.start()
  return true
}

/**
 * The worker is SIGKILLed at random moments while it imports N orders and
 * while it delivers their accepts, and started again each time. Afterwards
 * every order exists once and whole, and every accept was applied on Kaspi
 * once (a resend after a crash is answered "already" by Kaspi and counted).
 */
export async function crashes(c: Cluster, n: number, kills: number) {
  const t0 = Date.now()
  const log: string[] = []
  const { expected } = seedKaspiOrders(c.sandbox, n, 303)
  const codes = [...expected.keys()]
  let survived = 0
  const importKills = Math.ceil(kills / 2)
  for (let k = 0; k < importKills; k++) {
    const atLeast = Math.floor((n * k) / (importKills + 1))
    if (await killMidway(c, "import", () => importedCount(c.db, codes), n, atLeast, log)) survived += 1
  }
  await waitFor(`${n} orders imported after the crashes`, async () => (await importedCount(c.db, codes)) === n, {
    timeoutMs: 120_000 + n * 2_500,
    everyMs: 1000,
  }).catch(async (e) => {
    throw new Error(`${e.message}\n${await importSummary(c.db, codes)}\n${log.join("\n")}`)
  })
  const importS = (Date.now() - t0) / 1000

  const t1 = Date.now()
  // Kaspi answers each call 300 ms late (after applying it), so a kill lands in the middle of a
  // batch, sometimes between Kaspi applying an accept and the outbox recording it.
  c.sandbox.setFaults({ rate: 1, kinds: ["latency"], latencyMs: 300 })
  try {
    await inParallel(codes, 6, (code) => c.admin("POST", `/admin/kaspi/orders/${code}/actions`, { action: "accept" }))
    for (let k = importKills; k < kills; k++) {
      const atLeast = Math.floor((n * (k - importKills)) / (kills - importKills + 1))
      if (await killMidway(c, "delivery", () => sentCount(c.db, codes), n, atLeast, log)) survived += 1
    }
    await waitFor("every accept delivered after the crashes", async () => (await unsentActions(c.db, codes)) === 0, { timeoutMs: 120_000 + n * 500, everyMs: 1000 })
  } finally {
    c.sandbox.setFaults({ rate: 0, kinds: [] })
  }
  const deliverS = (Date.now() - t1) / 1000

  const orders = await checkOrders(c.db, expected)
  const actions = await checkActions(c.db, c.sandbox.actions(), codes.map((code) => ({ code, action: "ACCEPTED_BY_MERCHANT" })))
  report("crashes", {
    orders: n,
    kills_survived: survived,
    kills: log,
    medusa_orders: orders.medusaOrders,
    duplicates: orders.duplicates,
    orphans: orders.orphans,
    not_whole: orders.notWhole.slice(0, 10),
    accepts_applied_on_kaspi: actions.appliedOnKaspi,
    applied_twice: actions.doubleApplied.length,
    resent_after_crash_answered_already: actions.redundantWrites,
    import_s: importS,
    deliver_s: deliverS,
  })
  expect(orders.notWhole).toEqual([])
  expect(orders.duplicates).toBe(0)
  expect(orders.orphans).toBe(0)
  expect(orders.medusaOrders).toBe(n)
  expect(actions.missing).toEqual([])
  expect(actions.doubleApplied).toEqual([])
}
