import type { MedusaContainer } from "@medusajs/framework/types"
import { emptyStats, syncKaspiOrderByCode, type SyncStats } from "./sync-kaspi-orders"

/** Orders the lists cannot reach, one request each by code (API.md a.2: any age, any state). */
export async function syncKaspiOrdersByCode(container: MedusaContainer, accountId: string, rows: Array<{ code: string }>): Promise<SyncStats> {
  const stats = emptyStats()
  for (const row of rows) {
    const outcome = await syncKaspiOrderByCode(container, accountId, row.code)
    stats.seen += 1
    stats[outcome] += 1
  }
  return stats
}
