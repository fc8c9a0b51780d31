import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiDeadlinesType } from "./validators"
import type { AdminKaspiDeadlinesResponse } from "../../../../types"

/**
 * GET /admin/kaspi/deadlines: the orders with a deadline (acceptance, courier
 * hand-over; deadline.ts), the first due first, overdue ones included.
 */
export async function GET(req: MedusaRequest<unknown, AdminKaspiDeadlinesType>, res: MedusaResponse<AdminKaspiDeadlinesResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiDeadlinesType
  const { acceptWithinMinutes, deadlineWarnMinutes } = kaspi.getResolvedOptions().orders
  const deadlines = await kaspi.listKaspiOrdersByDeadline({ accountId: q.account_id, acceptWithinMinutes, limit: q.limit })
  res.json({ deadlines, accept_within_minutes: acceptWithinMinutes, warn_minutes: deadlineWarnMinutes })
}
