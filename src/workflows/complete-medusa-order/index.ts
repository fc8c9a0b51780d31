import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import {
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"
import { MAX_FULFILLMENTS_PER_ORDER, planMedusaOrderCompletionStep } from "./steps/plan-medusa-order-completion"

/** A nested workflow's step handle, whatever its output type (see its use below). */
const asStep = (step: unknown) => step as WorkflowData<unknown>

export const COMPLETE_MEDUSA_ORDER_WORKFLOW = "complete-medusa-order-for-kaspi"

export interface CompleteMedusaOrderInput {
  order_id: string
  /** who asked: "kaspi" (Kaspi completed it) or "kaspi-action" (the buyer's code was accepted); kept on the fulfilment */
  origin: string
}

/**
 * A Kaspi order was handed over (Kaspi completed it, or the buyer's code was
 * accepted): fulfil what is not fulfilled yet from where the import reserved
 * the stock, mark every fulfilment delivered and complete the Medusa order.
 * Medusa's own workflows do each part, nested as steps, so a failure undoes
 * the parts already done; an order already completed or cancelled is left
 * alone. Returns whether anything was done.
 *
 * @example
 * const { result } = await completeMedusaOrderWorkflow(container).run({
 *   input: { order_id: "order_123", origin: "kaspi" },
 * })
 * // result: { order_id: "order_123", completed: true }
 */
export const completeMedusaOrderWorkflow = createWorkflow(COMPLETE_MEDUSA_ORDER_WORKFLOW, (input: CompleteMedusaOrderInput) => {
  const plan = planMedusaOrderCompletionStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))

  const created = when("kaspi-complete-fulfil", { plan }, ({ plan }) => Boolean(plan.fulfil)).then(() =>
    createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        order_id: plan.order_id,
        items: plan.fulfil?.items ?? [],
        location_id: plan.fulfil?.location_id,
        no_notification: true,
        metadata: { kaspi_origin: input.origin },
      })),
    })
  )
  const toDeliver = transform({ plan, created }, ({ plan, created }) =>
    created?.id ? [...plan.deliver_fulfillment_ids, created.id] : plan.deliver_fulfillment_ids
  )
  // One `when` per possible fulfilment: the workflow language has no loop (see MAX_FULFILLMENTS_PER_ORDER).
  for (let i = 0; i < MAX_FULFILLMENTS_PER_ORDER; i++) {
    when(`kaspi-complete-deliver-${i}`, { toDeliver }, ({ toDeliver }) => toDeliver.length > i).then(() => {
      const delivered = markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: transform({ plan, toDeliver }, ({ plan, toDeliver }) => ({ orderId: plan.order_id, fulfillmentId: toDeliver[i] })),
      })
      // The same nested workflow used several times needs a name per use; its `undefined` output types as `never`.
      asStep(delivered).config({ name: `mark-kaspi-fulfillment-delivered-${i}` })
    })
  }

  when("kaspi-complete-order", { plan }, ({ plan }) => !plan.done).then(() => {
    completeOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id] })) })
  })
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ order_id: plan.order_id, completed: !plan.done })))
})
