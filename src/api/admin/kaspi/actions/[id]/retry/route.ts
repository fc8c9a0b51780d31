import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import type { KaspiActionPayload } from "../../../../../../lib/actions/kaspi-actions"
import { requestKaspiAction } from "../../../../../../lib/outbox/request-kaspi-action"
import type { AdminKaspiActionResponse, KaspiActionRecord } from "../../../../../../types"

/**
 * POST /admin/kaspi/actions/:id/retry: sends a failed action again. The same
 * intent through the same path as the first click (request → send), so Kaspi's
 * rules are checked again and the row is revived, never copied: an action
 * Kaspi already applied answers "already" and counts as sent. Completion step
 * 1 is asked for again as a new click (each may text the buyer a code).
 * Answers like POST /admin/kaspi/orders/:id/actions (422 when Kaspi refuses).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<AdminKaspiActionResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiActions({ id: req.params.id })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Kaspi action ${req.params.id} not found`)
  if (row.status !== "failed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi action ${row.id} is ${row.status}: only a failed action is sent again`)
  }
  const action = await requestKaspiAction(req.scope, {
    kaspi_order: row.kaspi_order_id,
    payload: row.payload as unknown as KaspiActionPayload,
    origin: "admin",
  })
  const refused = action.status === "failed" && action.action !== "send_code"
  res.status(refused ? 422 : 200).json({ action: action as KaspiActionRecord })
}
