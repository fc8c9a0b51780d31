import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { KASPI_ORDER_LIST_FIELDS } from "../route"

/** GET /admin/kaspi/orders/:id: one Kaspi order (by kord_ id or Kaspi code) with its raw JSON and history. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const id = req.params.id
  const [order] = await kaspi.listKaspiOrders(id.startsWith("kord_") ? { id } : { code: id }, {
    select: [...KASPI_ORDER_LIST_FIELDS, "raw", "customer_phone"],
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi order "${id}"`)
  const events = await kaspi.listKaspiEvents({ kaspi_order_id: order.id }, { order: { created_at: "DESC" }, take: 200 })
  res.json({ kaspi_order: order, events })
}
