import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KaspiApiError } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiEffectiveOrderOptions } from "../../modules/kaspi/service"
import { addStats, emptyStats, KaspiStatusFilterIgnored, syncKaspiOrders, type SyncStats } from "./sync-kaspi-orders"
import { refreshOpenKaspiOrders } from "./refresh-open-kaspi-orders"
import { followOrdersThatLeftOpenLists } from "./follow-orders-that-left-open-lists"
import { planPoll, type ArchiveRead } from "./plan-poll"

/**
 * Shops whose Kaspi ignored a status filter on the archive (this process): their
 * archive is read whole from then on. Kept in memory: a restart asks again,
 * and the first answer shows it again.
 */
const statusFilterIgnoredBy = new Set<string>()

export interface PollResult {
  accountId: string
  ran: boolean
  /** How this tick read the archive: not at all, the statuses that change, or the whole of it. */
  archive?: ArchiveRead
  /** The archive was read this tick (either way). */
  statusSynced?: boolean
  stats?: SyncStats
  error?: string
}

/**
 * One polling tick of one Kaspi account (see planPoll for what is read when):
 * the open orders over the whole window, then those that left the open lists
 * by code; when due, the archive's changes and older still-open orders by
 * code. Runs only when due and only on one instance at a time (a lease in
 * kaspi_sync_state, renewed while the poll runs); records where it got to,
 * so a restart resumes.
 */
export async function pollKaspiAccount(
  container: MedusaContainer,
  accountId: string,
  opts: { force?: boolean; now?: number; orderOptions?: KaspiEffectiveOrderOptions } = {}
): Promise<PollResult> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const o = opts.orderOptions ?? (await kaspi.getOrderOptions(accountId))
  const owner = randomUUID()
  const claim = await kaspi.claimKaspiPoll(accountId, {
    dueAfterSeconds: Math.max(1, o.pollIntervalSeconds - 2),
    leaseSeconds: o.importLeaseSeconds,
    owner,
    force: opts.force,
  })
  if (!claim) return { accountId, ran: false }

  const now = opts.now ?? Date.now()
  const client = await kaspi.getClient(accountId)
  const time = (d: Date | string | null) => (d ? new Date(d).getTime() : null)
  const plan = planPoll({
    now,
    windowMs: client.window.maxMs,
    lastOpenRound: time(claim.last_new_poll_at),
    lastArchiveRound: time(claim.last_status_sync_at),
    lastWholeArchive: time(claim.synced_until),
    force: opts.force,
    statusFilterIgnored: statusFilterIgnoredBy.has(accountId),
    options: o,
  })

  // Renew the lease a few times per lease period while this poll runs.
  const heartbeat = setInterval(() => {
    kaspi.renewKaspiPoll(accountId, owner, o.importLeaseSeconds).catch(() => undefined)
  }, Math.max(1000, (o.importLeaseSeconds * 1000) / 3))
  heartbeat.unref()

  let stats = emptyStats()
  try {
    const seen = new Set<string>()
    const read = (reads: typeof plan.openReads) => syncKaspiOrders(container, { accountId, from: plan.from, to: now, reads, done: seen })
    stats = addStats(stats, await read(plan.openReads))
    stats = addStats(stats, await followOrdersThatLeftOpenLists(container, accountId, { seen, from: plan.from, limit: o.refreshOpenOrdersPerTick }))
    let archive = plan.archive
    if (archive !== "none") {
      try {
        stats = addStats(stats, await read(plan.archiveReads))
      } catch (e) {
        if (!(e instanceof KaspiStatusFilterIgnored)) throw e
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Kaspi account "${accountId}": ${e.message}; its archive is read whole from now on`)
        statusFilterIgnoredBy.add(accountId)
        archive = "all"
        stats = addStats(stats, await read([{ state: "ARCHIVE", entries: false }]))
      }
      stats = addStats(stats, await refreshOpenKaspiOrders(container, accountId, { olderThan: now - client.window.maxMs + 1, limit: o.refreshOpenOrdersPerTick }))
    }
    const archiveRead = archive !== "none"
    await kaspi.finishKaspiPoll(accountId, { owner, ok: true, polledAt: new Date(now), statusSynced: archiveRead, wholeArchive: archive === "all", stats })
    return { accountId, ran: true, archive, statusSynced: archiveRead, stats }
  } catch (e) {
    const error = e instanceof KaspiApiError ? e.message : `Kaspi poll failed: ${(e as Error).message}`
    await kaspi.finishKaspiPoll(accountId, { owner, ok: false, polledAt: new Date(now), statusSynced: false, stats, error })
    return { accountId, ran: true, stats, error }
  } finally {
    clearInterval(heartbeat)
  }
}
