import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { pollKaspiAccount } from "../../../../../lib/sync/poll-kaspi-account"
import { ALL_ORDER_STATES, syncKaspiOrders } from "../../../../../lib/sync/sync-kaspi-orders"
import type { AdminSyncKaspiOrdersType } from "../../validators"

/**
 * POST /admin/kaspi/orders/sync: without a range, polls the account now (as
 * the scheduled job would); with `from` (and `to`), backfills every order
 * created in that range, whatever its age, in ≤14-day windows.
 */
export async function POST(req: MedusaRequest<AdminSyncKaspiOrdersType>, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountId = kaspi.getAccount(body.account_id).id
  if (!body.from) {
    const result = await pollKaspiAccount(req.scope, accountId, { force: true })
    res.json({ mode: "poll", account_id: accountId, ...result })
    return
  }
  const stats = await syncKaspiOrders(req.scope, {
    accountId,
    from: body.from,
    to: body.to ?? new Date(),
    states: body.states ?? ALL_ORDER_STATES,
  })
  res.json({ mode: "backfill", account_id: accountId, ran: true, stats })
}
