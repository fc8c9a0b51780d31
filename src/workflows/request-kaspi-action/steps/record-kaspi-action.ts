import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiActionPayload } from "../../../lib/actions/kaspi-actions"

export interface RecordKaspiActionInput {
  account_id: string
  kaspi_order_id: string
  kaspi_id: string
  code: string
  order_id: string | null
  idempotency_key: string
  payload: KaspiActionPayload
  origin: string
}

/** Writes the action to the outbox (once per idempotency key). Undone if the workflow fails before sending. */
export const recordKaspiActionStep = createStep(
  "record-kaspi-action",
  async (input: RecordKaspiActionInput, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const dryRun = kaspi.getResolvedOptions().actions.dryRun
    const { id, created } = await kaspi.enqueueKaspiAction({
      ...input,
      action: input.payload.action,
      payload: input.payload as unknown as Record<string, unknown>,
      status: dryRun ? "dry_run" : "pending",
    })
    if (created) {
      await kaspi.logKaspiEvent({
        account_id: input.account_id,
        kaspi_order_id: input.kaspi_order_id,
        kaspi_code: input.code,
        type: `action.${input.payload.action}`,
        result: "info",
        message: dryRun ? `Recorded (dry run: not sent to Kaspi) by ${input.origin}` : `Queued by ${input.origin}`,
        text: { code: dryRun ? "action.dry_run" : "action.queued", params: { action: input.payload.action, origin: input.origin } },
        data: { action_id: id },
      })
    }
    return new StepResponse({ id, created }, created ? id : null)
  },
  async (createdId, { container }) => {
    if (createdId) await container.resolve<KaspiModuleService>(KASPI_MODULE).deleteKaspiActions(createdId)
  }
)
