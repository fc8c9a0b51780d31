import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import { startKaspiBackfill } from "../../../../lib/backfill/start-kaspi-backfill"
import { toKaspiBackfillView } from "../../../../lib/backfill/kaspi-backfill-view"
import type { AdminKaspiBackfillsResponse } from "../../../../types/admin-backfills"
import type { AdminListKaspiBackfillsType, AdminStartKaspiBackfillType } from "../validators"
import { replyBackfillStart } from "./reply-backfill-start"

/** POST /admin/kaspi/backfills: starts a backfill in the background (202), or 409 when one is running. */
export async function POST(req: MedusaRequest<AdminStartKaspiBackfillType>, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountId = kaspi.getAccount(body.account_id).id
  replyBackfillStart(res, await startKaspiBackfill(req.scope, { accountId, from: body.from, to: body.to, states: body.states }))
}

/** GET /admin/kaspi/backfills?account_id=: latest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiBackfillsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiBackfillsType
  const rows = await kaspi.listKaspiBackfills(q.account_id ? { account_id: q.account_id } : {}, {
    order: { created_at: "DESC" },
    take: q.limit,
  })
  res.json({ backfills: rows.map(toKaspiBackfillView) })
}
