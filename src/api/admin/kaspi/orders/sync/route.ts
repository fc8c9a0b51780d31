import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { pollKaspiAccount } from "../../../../../lib/sync/poll-kaspi-account"
import { startKaspiBackfill } from "../../../../../lib/backfill/start-kaspi-backfill"
import { replyBackfillStart } from "../../backfills/reply-backfill-start"
import type { AdminSyncKaspiOrdersType } from "../../validators"

/**
 * POST /admin/kaspi/orders/sync: without a range, polls the account now (as
 * the scheduled job would); with `from` (and `to`), starts a backfill of every
 * order created in that range, whatever its age, and answers 202 with it: the
 * backfill job walks it in ≤14-day windows in the background (POST
 * /admin/kaspi/backfills does the same; 409 when one is running).
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
  const started = await startKaspiBackfill(req.scope, { accountId, from: body.from, to: body.to, states: body.states })
  replyBackfillStart(res, started, { mode: "backfill", account_id: accountId })
}
