import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KaspiActionPayload } from "../../lib/actions/kaspi-actions"
import { checkKaspiActionStep } from "./steps/check-kaspi-action"
import { recordKaspiActionStep } from "./steps/record-kaspi-action"

export const REQUEST_KASPI_ACTION_WORKFLOW = "request-kaspi-action"

export interface RequestKaspiActionInput {
  /** kord_… id, linked Medusa order id, or Kaspi code */
  kaspi_order: string
  payload: KaspiActionPayload
  /** who asked: admin, subscriber, auto */
  origin: string
  /** a client's Idempotency-Key: the same key is the same action */
  idempotency_key?: string
}

/**
 * Records a merchant's action for Kaspi, and does nothing else: checked
 * against Kaspi's rules (refused with a clear reason, nothing recorded),
 * written to the outbox once per intent (asked again after Kaspi refused it,
 * the same row is sent again). sendKaspiActionWorkflow delivers it;
 * lib/outbox/request-kaspi-action runs both. Returns `{ id, created, revived }`.
 *
 * @example
 * const { result } = await requestKaspiActionWorkflow(container).run({
 *   input: { kaspi_order: "order_123", payload: { action: "accept" }, origin: "admin" },
 * })
 * await sendKaspiActionWorkflow(container).run({ input: { action_id: result.id } })
 */
export const requestKaspiActionWorkflow = createWorkflow(REQUEST_KASPI_ACTION_WORKFLOW, (input: RequestKaspiActionInput) => {
  const target = checkKaspiActionStep(input)
  const recorded = recordKaspiActionStep(
    transform({ input, target }, ({ input, target }) => ({ ...target, payload: input.payload, origin: input.origin }))
  )
  return new WorkflowResponse(recorded)
})
