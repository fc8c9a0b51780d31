import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { DEFAULT_BACKFILL_SLICE_LIMITS, runKaspiBackfillSlice, type BackfillSliceLimits, type BackfillSliceOutcome } from "./run-kaspi-backfill-slice"

/** At most this many backfills (one per account) get a slice in one tick. */
const MAX_BACKFILLS_PER_TICK = 10

/**
 * One tick of the backfill job: takes each active backfill nobody works on
 * (one per account, by the unique index) under a lease and gives it one
 * bounded slice. Answers what each slice did, by backfill id.
 */
export async function runKaspiBackfillTick(
  container: MedusaContainer,
  limits: Partial<BackfillSliceLimits> = {}
): Promise<Record<string, BackfillSliceOutcome>> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const sliceLimits = { ...DEFAULT_BACKFILL_SLICE_LIMITS, ...limits }
  // One owner per tick: a slice that outlives its lease is told so ("lost") instead of writing over its successor.
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`
  const outcomes: Record<string, BackfillSliceOutcome> = {}
  for (let i = 0; i < MAX_BACKFILLS_PER_TICK; i++) {
    // One slice per backfill per tick: the one just released waits for the next tick.
    const backfill = await kaspi.claimKaspiBackfill({ owner, leaseSeconds: sliceLimits.leaseSeconds, exceptIds: Object.keys(outcomes) })
    if (!backfill) break
    const outcome = await runKaspiBackfillSlice(container, backfill, owner, sliceLimits)
    outcomes[backfill.id] = outcome
    if (outcome !== "continues") logger.info(`Kaspi backfill ${backfill.id} of "${backfill.account_id}": ${outcome}`)
  }
  return outcomes
}
