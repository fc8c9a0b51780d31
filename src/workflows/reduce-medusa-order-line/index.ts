import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { editMedusaOrderLines, type MedusaOrderLinesEdit } from "./edit-medusa-order-lines"
import { planMedusaOrderLineReductionStep } from "./steps/plan-medusa-order-line-reduction"

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
  /** the Medusa order was already canceled: nothing was edited */
  order_canceled: boolean
}

/**
 * Kaspi cancelled part of a line: the Medusa order follows through Medusa's
 * own order edit (begin → update quantity → request → confirm, which also
 * adjusts the reservation), then the captured payment is refunded by the
 * difference, since Kaspi gives the buyer that money back. Each part is
 * Medusa's workflow nested as a step, so a failure half-way undoes what was
 * done (an order edit left open is removed again). The edit and the refund
 * are editMedusaOrderLines, shared with followKaspiOrderLinesWorkflow.
 *
 * @example
 * const { result } = await reduceMedusaOrderLineWorkflow(container).run({
 *   input: { order_id: "order_123", kaspi_entry_id: "entry-1", remained_quantity: 1, actor: "kaspi-action" },
 * })
 * // result: { item_id: "ordli_…", refunded: 3490 }
 */
export const reduceMedusaOrderLineWorkflow = createWorkflow(REDUCE_MEDUSA_ORDER_LINE_WORKFLOW, (input: ReduceMedusaOrderLineInput) => {
  const plan = planMedusaOrderLineReductionStep(input)
  const edit = transform({ plan }, ({ plan }): MedusaOrderLinesEdit => ({
    order_id: plan.order_id,
    items: plan.reduce ? [{ id: plan.item_id, quantity: plan.remained_quantity }] : [],
    total_before: plan.total_before,
    captured_payment_id: plan.captured_payment_id,
  }))
  const words = transform({ input }, ({ input }) => ({
    actor: input.actor,
    description: "Kaspi partial cancellation",
    refund_note: "Kaspi partial cancellation: Kaspi refunds the buyer",
  }))
  const edited = editMedusaOrderLines(edit, words)

  const result = transform({ plan, edited }, ({ plan, edited }): ReduceMedusaOrderLineResult => ({
    item_id: plan.item_id,
    refunded: edited.refunded,
    order_canceled: plan.order_canceled,
  }))
  return new WorkflowResponse(result)
})
