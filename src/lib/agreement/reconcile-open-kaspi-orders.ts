import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import { KaspiApiError } from "../../modules/kaspi/client"
import { KASPI_GIVEN_UP_KINDS } from "../../modules/kaspi/models"
import { DEFAULT_RECONCILE_ORDERS_PER_RUN } from "../../modules/kaspi/options"
import type KaspiModuleService from "../../modules/kaspi/service"
import { FINAL_KASPI_STATUSES } from "../sync/refresh-open-kaspi-orders"
import { reconcileKaspiOrder } from "./reconcile-kaspi-order"
import { toBackOfQueue } from "./to-back-of-queue"
import { runAlone } from "../jobs/run-alone"

/**
 * Orders reconciled per account and run when no limit is given: the
 * `reconcile.ordersPerRun` default, explained there (one Kaspi request per
 * order; Kaspi publishes no rate limit, API.md f.2).
 */
export const RECONCILE_ORDERS_PER_RUN = DEFAULT_RECONCILE_ORDERS_PER_RUN

export const RECONCILE_LOCK_KEY = "kaspi-reconcile-orders"

export interface ReconcileRunStats {
  checked: number
  /** orders with at least one difference repaired from Kaspi's side */
  repaired: number
  /** orders left disagreeing (flagged for a person) */
  disagree: number
  /** orders that could not be reconciled this time (Kaspi or Medusa failed); tried again next run */
  failed: number
}

export type ReconcileRunResult = ({ busy: false } & ReconcileRunStats) | { busy: true }

/** Kaspi unreachable or refusing the token: the account's other orders would fail the same way. */
const ACCOUNT_WIDE = KASPI_GIVEN_UP_KINDS.filter((k) => k !== "invalid_response")

/**
 * Reconciles the imported orders whose Kaspi status is not final, oldest
 * refreshed first (reconciling refreshes the record's updated_at, so the next
 * run takes the next ones), at most `limit` per account. One run at a time
 * across instances (the locking module: a run that finds the lock taken
 * skips, it does not wait).
 */
export async function reconcileOpenKaspiOrders(
  container: MedusaContainer,
  opts: { accountIds: string[]; limit?: number }
): Promise<ReconcileRunResult> {
  return runAlone(container, RECONCILE_LOCK_KEY, async (): Promise<ReconcileRunStats> => {
    const total: ReconcileRunStats = { checked: 0, repaired: 0, disagree: 0, failed: 0 }
    for (const accountId of opts.accountIds) {
      const s = await reconcileAccount(container, accountId, opts.limit ?? RECONCILE_ORDERS_PER_RUN)
      total.checked += s.checked
      total.repaired += s.repaired
      total.disagree += s.disagree
      total.failed += s.failed
    }
    return total
  })
}

async function reconcileAccount(container: MedusaContainer, accountId: string, limit: number): Promise<ReconcileRunStats> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const stats: ReconcileRunStats = { checked: 0, repaired: 0, disagree: 0, failed: 0 }
  const rows = await kaspi.listKaspiOrders(
    { account_id: accountId, import_status: "imported", order_id: { $ne: null }, status: { $nin: FINAL_KASPI_STATUSES } },
    { select: ["id", "code"], take: limit, order: { updated_at: "ASC" } }
  )
  for (const row of rows) {
    try {
      const r = await reconcileKaspiOrder(container, row.id)
      stats.checked += 1
      if (r.repaired.length) stats.repaired += 1
      if (r.disagrees) stats.disagree += 1
    } catch (e) {
      stats.failed += 1
      logger.warn(`Kaspi reconciliation of order ${row.code}: ${(e as Error).message}`)
      // To the back of the queue, as a reconciled order goes (its record is refreshed): one that
      // fails every time must not take the first places of every run.
      await toBackOfQueue(kaspi, row.id).catch(() => undefined)
      if (e instanceof KaspiApiError && ACCOUNT_WIDE.includes(e.kind)) break
    }
  }
  return stats
}
