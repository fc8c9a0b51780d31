import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { actionIdempotencyKey, checkKaspiAction, SEND_CODE_SETTLED_STATUSES, type KaspiActionPayload } from "../../../lib/actions/kaspi-actions"
import { findKaspiOrderRow } from "../../../lib/outbox/find-kaspi-order-row"
import { actionsOnTheWay } from "../../../lib/actions/actions-on-the-way"

export interface CheckKaspiActionInput {
  kaspi_order: string
  payload: KaspiActionPayload
  idempotency_key?: string
}

/**
 * Refuses, with Kaspi's own rule in plain words, an action Kaspi would refuse,
 * before anything is recorded or sent. Read-only.
 */
export const checkKaspiActionStep = createStep("check-kaspi-action", async (input: CheckKaspiActionInput, { container }) => {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const row = await findKaspiOrderRow(kaspi, input.kaspi_order)
  const check = checkKaspiAction(row, input.payload, await actionsOnTheWay(kaspi, row.id))
  if (!check.ok) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi order ${row.code}: ${check.reason}. Nothing was sent to Kaspi.`)
  }
  // Sending the code is one row per click: without the caller's key, a click is named by the
  // last step-1 row Kaspi already answered (see actionIdempotencyKey).
  let previousSendCode: string | null = null
  if (input.payload.action === "send_code" && !input.idempotency_key) {
    const [last] = await kaspi.listKaspiActions(
      { kaspi_order_id: row.id, action: "send_code", status: [...SEND_CODE_SETTLED_STATUSES] },
      { select: ["id"], order: { created_at: "DESC" }, take: 1 }
    )
    previousSendCode = last?.id ?? null
  }
  return new StepResponse({
    account_id: row.account_id,
    kaspi_order_id: row.id,
    kaspi_id: row.kaspi_id,
    code: row.code,
    order_id: row.order_id ?? null,
    idempotency_key: actionIdempotencyKey(row.account_id, row.kaspi_id, input.payload, input.idempotency_key, previousSendCode),
  })
})
