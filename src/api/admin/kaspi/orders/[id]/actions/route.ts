import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { checkKaspiAction, type KaspiActionPayload } from "../../../../../../lib/actions/kaspi-actions"
import { requestKaspiAction } from "../../../../../../lib/outbox/request-kaspi-action"
import { findKaspiOrderRow } from "../../../../../../lib/outbox/find-kaspi-order-row"
import { actionsOnTheWay } from "../../../../../../lib/actions/actions-on-the-way"
import type { AdminKaspiActionType } from "../../../validators"
import type { AdminKaspiActionRefusal, AdminKaspiActionResponse, AdminKaspiOrderActionsResponse } from "../../../../../../types"

/** GET /admin/kaspi/orders/:id/actions: the order's outbox (every action, its state and Kaspi's answer). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiOrderActionsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const row = await findKaspiOrderRow(kaspi, req.params.id)
  const actions = await kaspi.listKaspiActions({ kaspi_order_id: row.id }, { order: { created_at: "DESC" }, take: 100 })
  res.json({ kaspi_order_id: row.id, actions })
}

/**
 * POST /admin/kaspi/orders/:id/actions: accept, cancel (with a Kaspi reason),
 * send the buyer's code / complete with it, assemble, arrived, arrived back,
 * cancel a line. `:id` is the kord_ id, the Medusa order id or the Kaspi code.
 * One row per intent: a retried request, a second click, or the order.canceled
 * subscriber asking for the same cancel find the same row; asked again after
 * Kaspi refused it, that row is sent again. Kaspi first: a cancel changes the
 * Medusa order only once Kaspi confirmed it. Answers with the outbox row:
 * sent, pending (Kaspi down: "waiting for Kaspi", sent by the outbox job),
 * failed (Kaspi refused: its words in last_error, 422) or dry_run. The
 * `Idempotency-Key` header names a click of send_code (one row per click). Refused up front
 * (400, nothing sent) when Kaspi's rules forbid it. `send_code` is one Kaspi
 * call per click, never retried: its outcome is in `action.result.send_code`.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminKaspiActionType>, res: MedusaResponse<AdminKaspiActionResponse | AdminKaspiActionRefusal>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const payload = req.validatedBody as KaspiActionPayload
  const row = await findKaspiOrderRow(kaspi, req.params.id)
  const idempotencyKey = (req.headers["idempotency-key"] as string | undefined)?.slice(0, 200)

  // Kaspi's rules first: a refusal answers 400 with the English message (as Medusa's NOT_ALLOWED would)
  // and its code and parameters, so the admin says it in the merchant's language (issue #19).
  const check = checkKaspiAction(row, payload, await actionsOnTheWay(kaspi, row.id))
  if (!check.ok) {
    const refusal: AdminKaspiActionRefusal = {
      type: "not_allowed",
      message: `Kaspi order ${row.code}: ${check.reason}. Nothing was sent to Kaspi.`,
      code: check.code,
      params: { ...check.params, order: row.code },
    }
    return void res.status(400).json(refusal)
  }

  // Kaspi first: the Medusa order follows once Kaspi has taken the action (a cancel waits for Kaspi
  // while it is down: the row stays pending and the outbox job sends it; see sendKaspiActionWorkflow).
  const action = await requestKaspiAction(req.scope, {
    kaspi_order: row.id,
    payload,
    origin: "admin",
    idempotency_key: idempotencyKey,
  })
  // 422 = Kaspi refused. Not so for sending the code: whatever came of it (taken, Kaspi's 4xx or 5xx,
  // no answer) is in `action.result.send_code`, and the code may have gone out in every case (API.md f.10).
  const refused = action.status === "failed" && action.action !== "send_code"
  res.status(refused ? 422 : 200).json({ action })
}
