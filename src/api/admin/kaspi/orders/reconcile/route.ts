import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { reconcileOpenKaspiOrders } from "../../../../../lib/agreement/reconcile-open-kaspi-orders"
import type { AdminReconcileKaspiOrdersResponse } from "../../../../../types"
import type { AdminReconcileKaspiOrdersType } from "../../validators"

/**
 * POST /admin/kaspi/orders/reconcile: what the scheduled job does, now: the
 * open orders of one shop (or of every shop with a token), at most `limit`
 * each (default `reconcile.ordersPerRun`), whether or not the job is switched
 * on. 409 while another run (the job's, or another click) holds the lock.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminReconcileKaspiOrdersType>,
  res: MedusaResponse<AdminReconcileKaspiOrdersResponse | { message: string }>
) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountIds = body.account_id
    ? [kaspi.getAccount(body.account_id).id]
    : (await kaspi.describeAccounts()).filter((a) => a.hasToken).map((a) => a.id)
  const limit = body.limit ?? kaspi.getResolvedOptions().reconcile.ordersPerRun
  const result = await reconcileOpenKaspiOrders(req.scope, { accountIds, limit })
  if (result.busy) {
    res.status(409).json({ message: "A reconciliation is already running; try again when it ends" })
    return
  }
  res.json({ checked: result.checked, repaired: result.repaired, disagree: result.disagree, failed: result.failed })
}
