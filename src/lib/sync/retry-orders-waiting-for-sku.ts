import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { KaspiImportTransitionError } from "../../modules/kaspi/import-status"
import { syncKaspiOrderByCode } from "./sync-kaspi-orders"

/** Re-imports the account's orders that were waiting for a mapping of this Kaspi SKU. */
export async function retryOrdersWaitingForSku(
  container: MedusaContainer,
  accountId: string,
  kaspiSku: string,
  limit = 100
): Promise<Array<{ code: string; outcome: string }>> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const waiting = await kaspi.listKaspiOrders(
    { account_id: accountId, import_status: "needs_attention" },
    { select: ["id", "code", "unmapped_skus"], take: 1000 }
  )
  const results: Array<{ code: string; outcome: string }> = []
  for (const row of waiting.filter((r) => ((r.unmapped_skus as string[] | null) ?? []).includes(kaspiSku)).slice(0, limit)) {
    try {
      await kaspi.releaseKaspiOrderImport(row.id, "sku_mapped")
    } catch (e) {
      // Claimed or imported since the list was read: that attempt decides it.
      if (e instanceof KaspiImportTransitionError) continue
      throw e
    }
    results.push({ code: row.code, outcome: await syncKaspiOrderByCode(container, accountId, row.code) })
  }
  return results
}
