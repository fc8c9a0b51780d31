import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { emptyStats, type SyncStats } from "./sync-kaspi-orders"
import { syncKaspiOrdersByCode } from "./sync-kaspi-orders-by-code"
import { OPEN_ORDER_STATES } from "./plan-poll"

/**
 * An order recorded in an open state that this tick's open reads did not
 * return has left the open lists — finished, cancelled, or moved while the
 * pages were read — so it is read once by code (API.md a.2), instead of
 * reading the whole archive every tick to find it.
 */
export async function followOrdersThatLeftOpenLists(
  container: MedusaContainer,
  accountId: string,
  opts: { seen: Set<string>; from: number; limit: number }
): Promise<SyncStats> {
  if (opts.limit <= 0) return emptyStats()
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const rows = await kaspi.listKaspiOrders(
    {
      account_id: accountId,
      state: OPEN_ORDER_STATES,
      kaspi_created_at: { $gte: new Date(opts.from) },
      ...(opts.seen.size ? { kaspi_id: { $nin: [...opts.seen] } } : {}),
    },
    { select: ["id", "code"], take: opts.limit, order: { updated_at: "ASC" } }
  )
  return syncKaspiOrdersByCode(container, accountId, rows)
}
