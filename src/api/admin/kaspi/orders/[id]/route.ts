import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { allowedKaspiActions } from "../../../../../lib/actions/allowed-actions"
import { KASPI_ORDER_LIST_FIELDS } from "../list-fields"
import { withDeadlines } from "../with-deadlines"
import { kaspiOrderLines } from "./kaspi-order-lines"
import type { AdminKaspiOrderDetail, AdminKaspiOrderResponse } from "../../../../../types"

/** kord_… is our id, order_… the linked Medusa order (the admin's order widget asks by it), anything else a Kaspi code. */
function filterFor(ref: string) {
  return ref.startsWith("kord_") ? { id: ref } : ref.startsWith("order_") ? { order_id: ref } : { code: ref }
}

/**
 * GET /admin/kaspi/orders/:id: one Kaspi order (by kord_ id, Medusa order id or
 * Kaspi code) with its raw JSON and history, and the actions Kaspi would take
 * now (`allowed_actions`, `cancel_reasons`: what the admin may offer as buttons).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiOrderResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const id = req.params.id
  const [order] = await kaspi.listKaspiOrders(filterFor(id), {
    select: [...KASPI_ORDER_LIST_FIELDS, "raw", "customer_phone"],
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi order "${id}"`)
  const [events, outbox, lines] = await Promise.all([
    kaspi.listKaspiEvents({ kaspi_order_id: order.id }, { order: { created_at: "DESC" }, take: 200 }),
    kaspi.listKaspiActions({ kaspi_order_id: order.id }, { select: ["action", "status"], take: 100 }),
    kaspiOrderLines(req.scope, order),
  ])
  const allowed = allowedKaspiActions(order, outbox)
  // raw, sync_problem and unmapped_skus are json columns, written in these shapes by the import.
  const [withDeadline] = withDeadlines(kaspi, [order])
  res.json({ kaspi_order: withDeadline as AdminKaspiOrderDetail, events, allowed_actions: allowed.actions, cancel_reasons: allowed.cancel_reasons, lines })
}
