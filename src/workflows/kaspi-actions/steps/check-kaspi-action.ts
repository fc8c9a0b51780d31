import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { actionIdempotencyKey, checkKaspiAction, type KaspiActionPayload } from "../../../lib/actions/kaspi-actions"
import { findKaspiOrderRow } from "../find-kaspi-order-row"

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
  const check = checkKaspiAction(row, input.payload)
  if (!check.ok) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Kaspi order ${row.code}: ${check.reason}. Nothing was sent to Kaspi.`)
  }
  return new StepResponse({
    account_id: row.account_id,
    kaspi_order_id: row.id,
    kaspi_id: row.kaspi_id,
    code: row.code,
    order_id: row.order_id ?? null,
    idempotency_key: actionIdempotencyKey(row.account_id, row.kaspi_id, input.payload, input.idempotency_key),
  })
})
