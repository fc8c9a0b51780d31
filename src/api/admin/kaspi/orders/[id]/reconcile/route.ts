import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { findKaspiOrderRow } from "../../../../../../lib/outbox/find-kaspi-order-row"
import { reconcileKaspiOrder } from "../../../../../../lib/agreement/reconcile-kaspi-order"
import type { AdminKaspiOrderListItem, AdminReconcileKaspiOrderResponse } from "../../../../../../types"
import { KASPI_ORDER_LIST_FIELDS } from "../../list-fields"
import { withDeadlines } from "../../with-deadlines"

/**
 * POST /admin/kaspi/orders/:id/reconcile: one order compared with Kaspi now;
 * what Kaspi did and Medusa missed is repaired, what needs a person is flagged
 * "mismatch". `:id` is the kord_ id, the Medusa order id or the Kaspi code.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReconcileKaspiOrderResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const row = await findKaspiOrderRow(kaspi, req.params.id)
  const reconciliation = await reconcileKaspiOrder(req.scope, row.id)
  const [after] = withDeadlines(kaspi, await kaspi.listKaspiOrders({ id: row.id }, { select: [...KASPI_ORDER_LIST_FIELDS] }))
  res.json({ reconciliation, kaspi_order: after as AdminKaspiOrderListItem })
}
