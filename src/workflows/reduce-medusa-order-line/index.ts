import { MathBN } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { planMedusaOrderLineReductionStep, readMedusaOrderTotalStep } from "./steps/plan-medusa-order-line-reduction"

export const REDUCE_MEDUSA_ORDER_LINE_WORKFLOW = "reduce-medusa-order-line-for-kaspi"

export interface ReduceMedusaOrderLineInput {
  order_id: string
  /** the Kaspi entry the line came from (line item metadata `kaspi_entry_id`) */
  kaspi_entry_id: string
  /** the quantity Kaspi kept */
  remained_quantity: number
  /** who made the change: recorded on the order edit and the refund */
  actor: string
}

export interface ReduceMedusaOrderLineResult {
  item_id: string
  /** tenge refunded on the captured payment (0 when nothing was) */
  refunded: number
}

/**
 * Kaspi cancelled part of a line: the Medusa order follows through Medusa's
 * own order edit (begin → update quantity → request → confirm, which also
 * adjusts the reservation), then the captured payment is refunded by the
 * difference, since Kaspi gives the buyer that money back. Each part is
 * Medusa's workflow nested as a step, so a failure half-way undoes what was
 * done (an order edit left open is removed again).
 *
 * @example
 * const { result } = await reduceMedusaOrderLineWorkflow(container).run({
 *   input: { order_id: "order_123", kaspi_entry_id: "entry-1", remained_quantity: 1, actor: "kaspi-action" },
 * })
 * // result: { item_id: "ordli_…", refunded: 3490 }
 */
export const reduceMedusaOrderLineWorkflow = createWorkflow(REDUCE_MEDUSA_ORDER_LINE_WORKFLOW, (input: ReduceMedusaOrderLineInput) => {
  const plan = planMedusaOrderLineReductionStep(input)

  const after = when("kaspi-reduce-line", { plan }, ({ plan }) => plan.reduce).then(() => {
    beginOrderEditOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        created_by: input.actor,
        description: "Kaspi partial cancellation",
      })),
    })
    orderEditUpdateItemQuantityWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, items: [{ id: plan.item_id, quantity: plan.remained_quantity }] })),
    })
    requestOrderEditRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, requested_by: input.actor })),
    })
    confirmOrderEditRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, confirmed_by: input.actor })),
    })
    return readMedusaOrderTotalStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  })

  const refund = transform({ plan, after }, ({ plan, after }) => {
    const difference = after ? MathBN.convert(plan.total_before).minus(after.total) : MathBN.convert(0)
    return { payment_id: plan.captured_payment_id, amount: difference.gt(0) ? difference.toNumber() : 0 }
  })
  when("kaspi-refund-reduced-line", { refund }, ({ refund }) => Boolean(refund.payment_id) && refund.amount > 0).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ input, refund }, ({ input, refund }) => ({
        payment_id: refund.payment_id as string,
        amount: refund.amount,
        note: "Kaspi partial cancellation: Kaspi refunds the buyer",
        created_by: input.actor,
      })),
    })
  })

  const result = transform({ plan, refund }, ({ plan, refund }): ReduceMedusaOrderLineResult => ({ item_id: plan.item_id, refunded: refund.amount }))
  return new WorkflowResponse(result)
})
