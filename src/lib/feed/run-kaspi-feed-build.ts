import type { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { findFeedConfig, findLatestBuild, toFeedBuildRecord } from "./feed-store"
import type { KaspiFeedBuildRecord } from "../../types"
import { isFeedDue } from "./schedule"
import { buildKaspiFeedWorkflow } from "../../workflows/build-kaspi-feed"

export type RunFeedBuildResult =
  | { outcome: "built"; build: KaspiFeedBuildRecord | null }
  | { outcome: "failed"; build: KaspiFeedBuildRecord | null; error: string }
  | { outcome: "busy" }
  | { outcome: "not_due" }

export const feedLockKey = (accountId: string) => `kaspi-feed-build:${accountId}`

function errorMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message)
  return String(e)
}

/**
 * Runs the build workflow for one account under the locking module, so two
 * instances (or a tick and an admin "rebuild") never build the same account at
 * once. With `onlyIfDue`, the schedule is checked again inside the lock: an
 * instance that waited for another's build then finds it not due and skips.
 * Lock wait is short (busy → skip); the lock itself is held for the whole
 * build (the Redis/Postgres providers renew it while the job runs).
 */
export async function runKaspiFeedBuild(
  container: MedusaContainer,
  opts: { account_id: string; trigger: "schedule" | "manual"; force?: boolean; onlyIfDue?: boolean; now?: Date }
): Promise<RunFeedBuildResult> {
  const locking = container.resolve(Modules.LOCKING)
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  let started = false
  const job = async (): Promise<RunFeedBuildResult> => {
    started = true
    if (opts.onlyIfDue) {
      const config = await findFeedConfig(kaspi, opts.account_id)
      if (!config?.enabled) return { outcome: "not_due" }
      const last = await findLatestBuild(kaspi, opts.account_id)
      if (!isFeedDue(opts.now ?? new Date(), config.settings.interval_minutes, last)) return { outcome: "not_due" }
    }
    const build_id = generateEntityId(undefined, "kfbld")
    const { result, errors } = await buildKaspiFeedWorkflow(container).run({
      input: { account_id: opts.account_id, build_id, trigger: opts.trigger, force: opts.force },
      throwOnError: false,
    })
    if (errors?.length) {
      const error = errorMessage(errors[0].error)
      const [row] = await kaspi.listKaspiFeedBuilds({ id: build_id }, { take: 1 })
      if (row) {
        await kaspi.updateKaspiFeedBuilds({
          id: build_id,
          status: "failed",
          finished_at: row.finished_at ?? new Date(),
          message: `The build failed: ${error}. The last good feed stays live.`,
        })
      }
      const [failed] = await kaspi.listKaspiFeedBuilds({ id: build_id }, { take: 1 })
      return { outcome: "failed", build: failed ? toFeedBuildRecord(failed) : null, error }
    }
    return { outcome: "built", build: result ? toFeedBuildRecord(result) : null }
  }
  try {
    return await locking.execute(feedLockKey(opts.account_id), job, { timeout: 1 })
  } catch (e) {
    // The lock was not had within the timeout: another build of this account is running.
    if (!started) return { outcome: "busy" }
    throw e
  }
}
