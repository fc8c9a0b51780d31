import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { emptyStats, type SyncStats } from "./sync-kaspi-orders"
import { syncKaspiOrdersByCode } from "./sync-kaspi-orders-by-code"

/** Kaspi statuses after which nothing more happens to an order. */
export const FINAL_KASPI_STATUSES = ["COMPLETED", "CANCELLED", "RETURNED"]

/**
 * Orders older than the 14-day list window that are still open on Kaspi are
 * re-read one by one by code (not limited by the window), oldest refresh first.
 */
export async function refreshOpenKaspiOrders(
  container: MedusaContainer,
  accountId: string,
  opts: { olderThan: number; limit: number }
): Promise<SyncStats> {
  if (opts.limit <= 0) return emptyStats()
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const rows = await kaspi.listKaspiOrders(
    {
      account_id: accountId,
      import_status: "imported",
      status: { $nin: FINAL_KASPI_STATUSES },
      kaspi_created_at: { $lt: new Date(opts.olderThan) },
    },
    { select: ["id", "code"], take: opts.limit, order: { updated_at: "ASC" } }
  )
  return syncKaspiOrdersByCode(container, accountId, rows)
}
