import type { MedusaContainer } from "@medusajs/framework/types"
import { runKaspiBackfillTick } from "../../src/lib/backfill/run-kaspi-backfill-tick"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"

/**
 * Runs the backfill job's tick until the backfill is no longer active (the
 * scheduled job may hold it now and then: its lease makes the test's tick wait).
 */
export async function runBackfillToEnd(container: MedusaContainer, id: string, timeoutMs = 120_000): Promise<string> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await runKaspiBackfillTick(container)
    const [row] = await kaspi.listKaspiBackfills({ id }, { take: 1 })
    if (!row) throw new Error(`no backfill ${id}`)
    if (row.status !== "running" && row.status !== "cancelling") return row.status
    if (Date.now() > deadline) throw new Error(`backfill ${id} still ${row.status} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
