import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { syncKaspiOrderByCode } from "../../../../../../lib/sync/sync-kaspi-orders"
import { findKaspiOrderRow } from "../../../../../../lib/outbox/find-kaspi-order-row"

/**
 * POST /admin/kaspi/orders/:id/retry (`:id` = kord_ id, Medusa order id or
 * Kaspi code): reads the order again from Kaspi and imports it (after a SKU
 * mapping was fixed, stock added, or a failure).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  // Like the other order routes: the kord_ id, the Medusa order id or the Kaspi code.
  const row = await findKaspiOrderRow(kaspi, req.params.id)
  if (row.order_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi order ${row.code} is already imported as ${row.order_id}`)
  }
  // Retrying is a person's decision: put the order back in the queue first.
  await kaspi.releaseKaspiOrderImport(row.id, "admin_retry")
  const outcome = await syncKaspiOrderByCode(req.scope, row.account_id, row.code)
  const [after] = await kaspi.listKaspiOrders({ id: row.id }, { select: ["id", "code", "import_status", "import_reason", "order_id", "attempts"] })
  res.json({ outcome, kaspi_order: after })
}
