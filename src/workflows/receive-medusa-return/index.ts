import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { beginReceiveReturnWorkflow, confirmReturnReceiveWorkflow, receiveItemReturnRequestWorkflow } from "@medusajs/medusa/core-flows"
import { planMedusaReturnReceiptStep } from "./steps/plan-medusa-return-receipt"

export const RECEIVE_MEDUSA_RETURN_WORKFLOW = "receive-medusa-return-for-kaspi"

export interface ReceiveMedusaReturnInput {
  order_id: string
  /** our kaspi_order id (kord_…), the mark of the return openMedusaReturnWorkflow opened */
  kaspi_order_id: string
  /** who received it ("kaspi": Kaspi said the goods are back); recorded on the order change */
  actor: string
}

export interface ReceiveMedusaReturnResult {
  return_id: string | null
  received: boolean
  location_id: string | null
  location_name: string | null
  /** units received now */
  quantity: number
}

/**
 * The goods of a Kaspi return are back (Kaspi says RETURNED, API.md b): the
 * return the plugin opened is received through Medusa's own flow (begin →
 * receive items → confirm), which puts the stock back at the return's
 * location; each part is nested as a step, so a failure undoes the receipt.
 * What a person received already is not received again.
 *
 * Medusa emits `order.return_received`; the kaspi-return-received subscriber
 * sends ARRIVED_BACKWARD only while Kaspi's status is still waiting for the
 * goods, and the status sync records Kaspi's RETURNED before running this, so
 * nothing goes back to Kaspi.
 *
 * @example
 * const { result } = await receiveMedusaReturnWorkflow(container).run({
 *   input: { order_id: "order_123", kaspi_order_id: "kord_123", actor: "kaspi" },
 * })
 * // result: { return_id: "return_…", received: true, location_id: "sloc_…", quantity: 2 }
 */
export const receiveMedusaReturnWorkflow = createWorkflow(RECEIVE_MEDUSA_RETURN_WORKFLOW, (input: ReceiveMedusaReturnInput) => {
  const plan = planMedusaReturnReceiptStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, kaspi_order_id: input.kaspi_order_id })))

  when("kaspi-return-receive", { plan }, ({ plan }) => plan.receive).then(() => {
    beginReceiveReturnWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        return_id: plan.return_id as string,
        created_by: input.actor,
        description: "Kaspi: the returned goods are back",
      })),
    })
    receiveItemReturnRequestWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ return_id: plan.return_id as string, items: plan.items })),
    })
    confirmReturnReceiveWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({ return_id: plan.return_id as string, confirmed_by: input.actor })),
    })
  })

  return new WorkflowResponse(
    transform({ plan }, ({ plan }): ReceiveMedusaReturnResult => ({
      return_id: plan.return_id,
      received: plan.receive,
      location_id: plan.location_id,
      location_name: plan.location_name,
      quantity: plan.items.reduce((sum, i) => sum + i.quantity, 0),
    }))
  )
})
