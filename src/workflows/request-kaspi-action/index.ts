import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KaspiActionPayload } from "../../lib/actions/kaspi-actions"
import { checkKaspiActionStep } from "./steps/check-kaspi-action"
import { recordKaspiActionStep } from "./steps/record-kaspi-action"
import { sendKaspiActionNowStep } from "./steps/send-kaspi-action-now"

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
 * A merchant's action for Kaspi: checked against Kaspi's rules (refused with a
 * clear reason, nothing sent), written to the outbox once per idempotency key,
 * then sent. Returns the outbox row: `sent`, `pending` (Kaspi unreachable; the
 * outbox job retries), `failed` (Kaspi refused; its words in `last_error`) or
 * `dry_run`.
 *
 * @example
 * const { result } = await requestKaspiActionWorkflow(container).run({
 *   input: { kaspi_order: "order_123", payload: { action: "accept" }, origin: "admin" },
 * })
 */
export const requestKaspiActionWorkflow = createWorkflow(REQUEST_KASPI_ACTION_WORKFLOW, (input: RequestKaspiActionInput) => {
  const target = checkKaspiActionStep(input)
  const recorded = recordKaspiActionStep(
    transform({ input, target }, ({ input, target }) => ({ ...target, payload: input.payload, origin: input.origin }))
  )
  const action = sendKaspiActionNowStep(transform({ recorded }, ({ recorded }) => ({ id: recorded.id })))
  return new WorkflowResponse(action)
})
