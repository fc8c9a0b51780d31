import type { MedusaContainer } from "@medusajs/framework/types"
import { runKaspiBackfillTick } from "../lib/backfill/run-kaspi-backfill-tick"

/**
 * Backfills run here, in slices, not in the request that started them: every
 * 10 s the job takes each active backfill under a lease in the database and
 * reads a bounded slice of it, storing the cursor after every page. A killed
 * process loses at most a page (its lease runs out and the next tick, on any
 * instance, goes on from the cursor), and two instances never work on one
 * backfill at once. (A Medusa workflow in the background would need the Redis
 * workflow engine to survive a kill; the table and lease need only PostgreSQL.)
 *
 * KASPI_BACKFILL_SCHEDULER=off turns the job into a no-op (tests run the tick
 * themselves; instances that should only serve).
 */
export default async function runKaspiBackfillsJob(container: MedusaContainer): Promise<void> {
  if (process.env.KASPI_BACKFILL_SCHEDULER === "off") return
  await runKaspiBackfillTick(container)
}

export const config = {
  name: "kaspi-run-backfills",
  schedule: "*/10 * * * * *",
}
