import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { planKaspiRefundStep } from "./steps/plan-kaspi-refund"

export const RECORD_KASPI_REFUND_WORKFLOW = "record-kaspi-refund"

export interface RecordKaspiRefundInput {
  order_id: string
  /** why Kaspi refunded, kept as the refund's note */
  note: string
  /** who recorded it ("kaspi": Kaspi refunded the buyer) */
  actor: string
}

export interface RecordKaspiRefundResult {
  payment_id: string | null
  /** tenge recorded now (0 when everything captured was refunded already) */
  refunded: number
}

/**
 * Kaspi refunded the buyer (a return came back, or a shipped order was
 * cancelled): the refund is recorded on the order's captured payment through
 * Medusa's refundPaymentWorkflow, nested as a step so a failure undoes the
 * workflow around it. Kaspi moved the money, so only what is captured and not
 * refunded yet is recorded: a second run records nothing.
 *
 * @example
 * const { result } = await recordKaspiRefundWorkflow(container).run({
 *   input: { order_id: "order_123", note: "Kaspi return: RETURNED", actor: "kaspi" },
 * })
 * // result: { payment_id: "pay_…", refunded: 7000 }
 */
export const recordKaspiRefundWorkflow = createWorkflow(RECORD_KASPI_REFUND_WORKFLOW, (input: RecordKaspiRefundInput) => {
  const plan = planKaspiRefundStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))

  when("kaspi-refund-record", { plan }, ({ plan }) => Boolean(plan.payment_id) && plan.amount > 0).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        payment_id: plan.payment_id as string,
        amount: plan.amount,
        note: input.note,
        created_by: input.actor,
      })),
    })
  })

  return new WorkflowResponse(
    transform({ plan }, ({ plan }): RecordKaspiRefundResult => ({ payment_id: plan.payment_id, refunded: plan.payment_id ? plan.amount : 0 }))
  )
})
