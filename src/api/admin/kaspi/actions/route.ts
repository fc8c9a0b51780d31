import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminListKaspiActionsType } from "../validators"
import type { AdminKaspiActionsListResponse, KaspiActionRecord } from "../../../../types"

/**
 * GET /admin/kaspi/actions: the outbox across all orders, newest first —
 * by default the failed actions (Kaspi refused them, or they were given up
 * on), which the Kaspi page lists with "Send again".
 */
export async function GET(req: MedusaRequest<unknown, AdminListKaspiActionsType>, res: MedusaResponse<AdminKaspiActionsListResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiActionsType
  const filters: Record<string, unknown> = { status: q.status }
  if (q.account_id) filters.account_id = q.account_id
  if (q.action) filters.action = q.action
  const [actions, count] = await kaspi.listAndCountKaspiActions(filters, { order: { updated_at: "DESC" }, skip: q.offset, take: q.limit })
  res.json({ actions: actions as KaspiActionRecord[], count, offset: q.offset, limit: q.limit })
}
