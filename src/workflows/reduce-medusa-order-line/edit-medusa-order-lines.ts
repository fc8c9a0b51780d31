import { MathBN } from "@medusajs/framework/utils"
import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { readMedusaOrderTotalStep } from "./steps/plan-medusa-order-line-reduction"

export interface MedusaOrderLinesEdit {
  order_id: string
  /** the lines to change and their new quantities; none = no order edit, no refund */
  items: Array<{ id: string; quantity: number }>
  total_before: number
  /** the captured payment Kaspi's refund is recorded on, if any */
  captured_payment_id: string | null
}

export interface MedusaOrderLinesEditWords {
  /** who made the change: recorded on the order edit and the refund */
  actor: string
  description: string
  refund_note: string
}

export interface MedusaOrderLinesEditResult {
  /** tenge refunded on the captured payment (0 when nothing was) */
  refunded: number
  /** the order's total after the edit; null when nothing was edited */
  total_after: number | null
}

/**
 * The part of a workflow that makes Kaspi's lower quantities Medusa's: one
 * Medusa order edit for every line (begin → update quantities → request →
 * confirm, which also adjusts the reservations), then the captured payment is
 * refunded by the difference, since Kaspi gives the buyer that money back
 * (API.md a.12: prices are recalculated by Kaspi). Each part is Medusa's
 * workflow nested as a step, so a failure later in the calling workflow undoes
 * the edit (an order edit left open is removed again). Called inside a
 * createWorkflow composer; its condition names are taken once per workflow.
 */
export function editMedusaOrderLines(
  edit: WorkflowData<MedusaOrderLinesEdit>,
  words: WorkflowData<MedusaOrderLinesEditWords>
): WorkflowData<MedusaOrderLinesEditResult> {
  const after = when("kaspi-edit-order-lines", { edit }, ({ edit }) => edit.items.length > 0).then(() => {
    beginOrderEditOrderWorkflow.runAsStep({
      input: transform({ edit, words }, ({ edit, words }) => ({ order_id: edit.order_id, created_by: words.actor, description: words.description })),
    })
    orderEditUpdateItemQuantityWorkflow.runAsStep({
      input: transform({ edit }, ({ edit }) => ({ order_id: edit.order_id, items: edit.items })),
    })
    requestOrderEditRequestWorkflow.runAsStep({
      input: transform({ edit, words }, ({ edit, words }) => ({ order_id: edit.order_id, requested_by: words.actor })),
    })
    confirmOrderEditRequestWorkflow.runAsStep({
      input: transform({ edit, words }, ({ edit, words }) => ({ order_id: edit.order_id, confirmed_by: words.actor })),
    })
    return readMedusaOrderTotalStep(transform({ edit }, ({ edit }) => ({ order_id: edit.order_id })))
  })

  const refund = transform({ edit, after }, ({ edit, after }) => {
    const difference = after ? MathBN.convert(edit.total_before).minus(after.total) : MathBN.convert(0)
    return { payment_id: edit.captured_payment_id, amount: difference.gt(0) ? difference.toNumber() : 0 }
  })
  when("kaspi-refund-edited-lines", { refund }, ({ refund }) => Boolean(refund.payment_id) && refund.amount > 0).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ words, refund }, ({ words, refund }) => ({
        payment_id: refund.payment_id as string,
        amount: refund.amount,
        note: words.refund_note,
        created_by: words.actor,
      })),
    })
  })

  return transform({ refund, after }, ({ refund, after }): MedusaOrderLinesEditResult => ({
    refunded: refund.amount,
    total_after: after ? after.total : null,
  }))
}
