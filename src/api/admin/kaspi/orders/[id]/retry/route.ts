import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { syncKaspiOrderByCode } from "../../../../../../workflows/sync-kaspi-orders/sync-kaspi-orders"

/**
 * POST /admin/kaspi/orders/:id/retry: reads the order again from Kaspi and
 * imports it (after a SKU mapping was fixed, stock added, or a failure).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ id: req.params.id }, { select: ["id", "account_id", "code", "import_status", "order_id"] })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi order "${req.params.id}"`)
  if (row.order_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi order ${row.code} is already imported as ${row.order_id}`)
  }
  // Retrying is a person's decision: put the order back in the queue first.
  await kaspi.finishKaspiOrderImport(row.id, { import_status: "pending" })
  const outcome = await syncKaspiOrderByCode(req.scope, row.account_id, row.code)
  const [after] = await kaspi.listKaspiOrders({ id: row.id }, { select: ["id", "code", "import_status", "import_reason", "order_id", "attempts"] })
  res.json({ outcome, kaspi_order: after })
}
