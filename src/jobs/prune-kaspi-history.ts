import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { pruneKaspiHistory } from "../lib/retention/prune-kaspi-history"

/**
 * Retention (issue #16), every hour: events and finished outbox rows older
 * than `retention.days` (180) are deleted, `retention.batchSize` rows per
 * statement and at most `retention.maxBatchesPerRun` statements per table, so
 * a first run on a long history works it off over several hours instead of
 * one long run. One run at a time across instances (the Locking Module).
 * `retention: { enabled: false }` keeps history for ever.
 */
export default async function pruneKaspiHistoryJob(container: MedusaContainer): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const options = kaspi.getResolvedOptions().retention
  if (!options.enabled) return
  const result = await pruneKaspiHistory(container, options)
  if (result.busy || !(result.events || result.actions)) return
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(
      `Kaspi retention: ${result.events} events and ${result.actions} finished actions older than ${options.days} days deleted` +
        (result.capped ? " (more remain: the next run goes on)" : "")
    )
}

export const config = {
  name: "kaspi-prune-history",
  schedule: "41 * * * *",
}
