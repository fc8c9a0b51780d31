import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { KaspiApiError, DAY_MS } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiEffectiveOrderOptions } from "../../modules/kaspi/service"
import {
  ACCEPTED_ORDER_STATES,
  NEW_ORDER_STATES,
  addStats,
  emptyStats,
  syncKaspiOrders,
  type SyncStats,
} from "./sync-kaspi-orders"
import { refreshOpenKaspiOrders } from "./refresh-open-kaspi-orders"

/** Re-read a little before the last poll: Kaspi may publish an order a moment after its creationDate. */
export const POLL_OVERLAP_MS = 10 * 60 * 1000

export interface PollResult {
  accountId: string
  ran: boolean
  statusSynced?: boolean
  stats?: SyncStats
  error?: string
}

/**
 * One polling tick of one Kaspi account: new orders since the last poll, and,
 * when due, status changes over the last 14 days plus older still-open orders
 * by code. Runs only when due and only on one instance at a time (a lease in
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
  // The status sync reads one window per state; older open orders are re-read by code.
  const earliest = now - (await kaspi.getClient(accountId)).window.maxMs + 1
  const initial = now - o.initialLookbackDays * DAY_MS
  const lastPoll = claim.last_new_poll_at ? new Date(claim.last_new_poll_at).getTime() : null
  const lastStatus = claim.last_status_sync_at ? new Date(claim.last_status_sync_at).getTime() : null
  const statusDue = opts.force || lastStatus === null || now - lastStatus >= o.statusSyncIntervalSeconds * 1000

  // Renew the lease a few times per lease period while this poll runs.
  const heartbeat = setInterval(() => {
    kaspi.renewKaspiPoll(accountId, owner, o.importLeaseSeconds).catch(() => undefined)
  }, Math.max(1000, (o.importLeaseSeconds * 1000) / 3))
  heartbeat.unref()

  let stats = emptyStats()
  try {
    if (statusDue) {
      // Every state over the whole window, one state per request (API.md §f.3). NEW and SIGN_REQUIRED
      // are read over the window too, so one Kaspi publishes later than POLL_OVERLAP_MS after its
      // creationDate is not missed, and this read also covers the new-order poll of this tick.
      const statusFrom = lastStatus === null ? Math.min(initial, earliest) : earliest
      stats = addStats(
        stats,
        await syncKaspiOrders(container, { accountId, from: statusFrom, to: now, states: [...NEW_ORDER_STATES, ...ACCEPTED_ORDER_STATES] })
      )
      stats = addStats(stats, await refreshOpenKaspiOrders(container, accountId, { olderThan: earliest, limit: o.refreshOpenOrdersPerTick }))
    } else {
      // New orders since the last poll (first time: the initial look-back, which may span several windows).
      const newFrom = lastPoll === null ? initial : Math.max(earliest, lastPoll - POLL_OVERLAP_MS)
      stats = addStats(stats, await syncKaspiOrders(container, { accountId, from: newFrom, to: now, states: NEW_ORDER_STATES }))
    }
    await kaspi.finishKaspiPoll(accountId, { owner, ok: true, polledAt: new Date(now), statusSynced: statusDue, stats })
    return { accountId, ran: true, statusSynced: statusDue, stats }
  } catch (e) {
    const error = e instanceof KaspiApiError ? e.message : `Kaspi poll failed: ${(e as Error).message}`
    await kaspi.finishKaspiPoll(accountId, { owner, ok: false, polledAt: new Date(now), statusSynced: false, stats, error })
    return { accountId, ran: true, stats, error }
  } finally {
    clearInterval(heartbeat)
  }
}
