import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import { kaspiActionEvent } from "../../../modules/kaspi/action-event"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiActionPayload } from "../../../lib/actions/kaspi-actions"
import type { KaspiText } from "../../../types/kaspi-texts"

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

/**
 * Writes the action to the outbox (once per idempotency key; a failed row with
 * the same key is sent again instead). A row this step created is removed if
 * the workflow fails.
 */
export const recordKaspiActionStep = createStep(
  "record-kaspi-action",
  async (input: RecordKaspiActionInput, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const dryRun = kaspi.getResolvedOptions().actions.dryRun
    const { id, created, revived } = await kaspi.enqueueKaspiAction({
      ...input,
      action: input.payload.action,
      payload: input.payload as unknown as Record<string, unknown>,
      status: dryRun ? "dry_run" : "pending",
    })
    // Said once per intent written, and again each time a failed one is sent again.
    if (created || revived) {
      const action = input.payload.action
      const said: { message: string; text: KaspiText } = revived
        ? { message: `Sent again by ${input.origin} after it failed`, text: { code: "action.revived" as const, params: { action, why: input.origin } } }
        : dryRun
          ? { message: `Recorded (dry run: not sent to Kaspi) by ${input.origin}`, text: { code: "action.dry_run" as const, params: { action, origin: input.origin } } }
          : { message: `Queued by ${input.origin}`, text: { code: "action.queued" as const, params: { action, origin: input.origin } } }
      await kaspi.logKaspiEvent(kaspiActionEvent({ ...input, action }, { result: "info", ...said, data: { action_id: id } }))
    }
    return new StepResponse({ id, created, revived }, created ? id : null)
  },
  async (createdId, { container }) => {
    if (createdId) await container.resolve<KaspiModuleService>(KASPI_MODULE).deleteKaspiActions(createdId)
  }
)
