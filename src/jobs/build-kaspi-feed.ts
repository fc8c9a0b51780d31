import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { runKaspiFeedBuild, type RunFeedBuildResult } from "../lib/feed/run-kaspi-feed-build"

/**
 * Every minute, on every worker: build each enabled account's feed whose
 * interval (settings.interval_minutes, default 15) has passed since its last
 * build. The per-account lock plus the due check inside it make a tick run
 * once across instances and never overlap a long build.
 *
 * KASPI_FEED_SCHEDULER=off turns the job into a no-op (tests; instances that
 * should only serve).
 */
export default async function buildKaspiFeedJob(container: MedusaContainer): Promise<void> {
  if (process.env.KASPI_FEED_SCHEDULER === "off") return
  await runDueKaspiFeedBuilds(container)
}

export async function runDueKaspiFeedBuilds(
  container: MedusaContainer,
  now: Date = new Date()
): Promise<Record<string, RunFeedBuildResult["outcome"]>> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const outcomes: Record<string, RunFeedBuildResult["outcome"]> = {}
  for (const account of kaspi.listAccounts()) {
    try {
      const r = await runKaspiFeedBuild(container, { account_id: account.id, trigger: "schedule", onlyIfDue: true, now })
      outcomes[account.id] = r.outcome
      if (r.outcome === "failed") logger.error(`Kaspi feed build for account "${account.id}" failed: ${r.error}`)
      else if (r.outcome === "built" && r.build?.status === "refused") {
        logger.warn(`Kaspi feed for account "${account.id}" was not published: ${r.build.message}`)
      }
    } catch (e) {
      outcomes[account.id] = "failed"
      logger.error(`Kaspi feed build for account "${account.id}" failed: ${(e as Error)?.message ?? e}`)
    }
  }
  return outcomes
}

export const config = {
  name: "kaspi-build-feed",
  schedule: "* * * * *",
}
