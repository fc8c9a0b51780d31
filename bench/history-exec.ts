/**
 * Runs inside `medusa exec` (see bench/history.ts): for each size, seeds that
 * much history in bulk SQL, then times every operation. Prints ONE JSON line
 * with every size's figures; bench/history.ts turns it into one line per op.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { clearHistory, seedHistory } from "./lib/history-seed"
import { createMedusaOrders, linkMedusaOrders } from "./lib/history-medusa-orders"
import { historyOps, pickTargets } from "./lib/history-ops"
import { medianMsByRounds } from "./lib/median-timer"

const TABLES = ["kaspi_order", "kaspi_event", "kaspi_action", "kaspi_feed_build", "kaspi_kaspi_order_order_order"]

export default async function run({ container, args }: { container: MedusaContainer; args: string[] }) {
  const [sizesArg, repsArg, medusaOrdersArg, onlyArg] = args
  const sizes = sizesArg.split(",").map(Number)
  const reps = Number(repsArg)
  const only = onlyArg && onlyArg !== "-" ? new Set(onlyArg.split(",")) : null
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const raw = (sql: string, bindings: unknown[] = []) => pg.raw(sql, bindings as any)
  const log = (msg: string) => process.stderr.write(`[history] ${msg}\n`)

  const medusaOrders = await createMedusaOrders(container, Number(medusaOrdersArg))
  const results: Record<string, Record<string, number>> = {}
  const seeds: Record<string, unknown> = {}
  for (const size of sizes) {
    const t0 = performance.now()
    await clearHistory(raw)
    await seedHistory(raw, size)
    const linked = await linkMedusaOrders(container, raw, medusaOrders)
    // What autovacuum does to a table that grew: statistics for the planner, the visibility map for index-only scans.
    for (const t of TABLES) await raw(`vacuum analyze ${t}`)
    // A year's seed is about a gigabyte of WAL: flushed now, not by the checkpointer during the timed runs.
    await raw(`checkpoint`).catch(() => undefined) // needs a superuser (or pg_checkpoint): without one, the flush is left to Postgres
    const seedSeconds = (performance.now() - t0) / 1000
    const counts = (
      await raw(`select (select count(*) from kaspi_order)::int as orders, (select count(*) from kaspi_event)::int as events,
                  (select count(*) from kaspi_action)::int as actions, (select count(*) from kaspi_feed_build)::int as feed_builds`)
    ).rows[0]
    seeds[size] = { seconds: +seedSeconds.toFixed(1), ...counts, linked_medusa_orders: linked.length }
    log(`size ${size}: seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(counts)}`)

    const targets = await pickTargets(raw, size, linked)
    results[size] = {}
    const ops = historyOps(container, raw, targets).filter((op) => !only || only.has(op.op))
    for (const [op, ms] of Object.entries(await medianMsByRounds(ops, { reps, warmup: 2 }))) {
      results[size][op] = +ms.toFixed(2)
      log(`size ${size}: ${op} ${results[size][op]} ms`)
    }
  }
  process.stdout.write(JSON.stringify({ bench: "history", sizes, reps, seeds, results }) + "\n")
}
