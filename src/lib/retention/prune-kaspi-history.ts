import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiRetentionOptions } from "../../modules/kaspi/options"
import type KaspiModuleService from "../../modules/kaspi/service"
import { RETENTION_EVENT, RETENTION_EVENT_ACCOUNT } from "../../modules/kaspi/services/kaspi-retention"
import type { KaspiPruneResult, KaspiPruneRun } from "../../modules/kaspi/types"
import { runAlone } from "../jobs/run-alone"

export const RETENTION_LOCK_KEY = "kaspi-prune-history"

const DAY_MS = 24 * 3600 * 1000

export type PruneRunResult = ({ busy: false } & KaspiPruneResult) | { busy: true }

/**
 * One retention run: events and finished actions older than `days` deleted in
 * batches (the module's KaspiRetention says what is kept whatever its age).
 * One run at a time across instances (the Locking Module: a run that finds the
 * lock taken skips, it does not wait — the next hourly run goes on). A run
 * that deleted something leaves a `kaspi.retention` event, which is what
 * Settings → Kaspi shows as the last pruning; one that found nothing leaves
 * none, so an idle store does not grow its history to say so.
 */
export async function pruneKaspiHistory(
  container: MedusaContainer,
  opts: Pick<KaspiRetentionOptions, "days" | "batchSize" | "maxBatchesPerRun">,
  now: Date = new Date()
): Promise<PruneRunResult> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  return runAlone(container, RETENTION_LOCK_KEY, async () => {
    const result = await kaspi.pruneKaspiHistory({
      olderThan: new Date(now.getTime() - opts.days * DAY_MS),
      batchSize: opts.batchSize,
      maxBatches: opts.maxBatchesPerRun,
    })
    if (result.events || result.actions) {
      const run: KaspiPruneRun = { ...result, at: new Date().toISOString(), days: opts.days }
      await kaspi.logKaspiEvent({
        account_id: RETENTION_EVENT_ACCOUNT,
        type: RETENTION_EVENT,
        result: "ok",
        message: `Retention: ${result.events} events and ${result.actions} finished actions older than ${opts.days} days deleted`,
        data: run as unknown as Record<string, unknown>,
      })
    }
    return result
  })
}
