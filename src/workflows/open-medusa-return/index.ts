import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { beginReturnOrderWorkflow, confirmReturnRequestWorkflow, requestItemReturnWorkflow } from "@medusajs/medusa/core-flows"
import { KASPI_RETURN_MARK } from "./steps/find-kaspi-return"
import { planMedusaReturnStep } from "./steps/plan-medusa-return"

export const OPEN_MEDUSA_RETURN_WORKFLOW = "open-medusa-return-for-kaspi"

export interface OpenMedusaReturnInput {
  order_id: string
  /** our kaspi_order id (kord_…): the return's mark, so it is found again */
  kaspi_order_id: string
  kaspi_code: string
  /** who asked ("kaspi": Kaspi reported the return); recorded on the return and its order change */
  actor: string
}

export interface OpenMedusaReturnResult {
  /** the return for this Kaspi order: the one opened now or the one opened before (null: nothing was shipped) */
  return_id: string | null
  opened: boolean
  location_id: string | null
  location_name: string | null
  /** units asked back */
  quantity: number
}

/**
 * Kaspi reports a return (or cancels a shipped order): a Medusa return is
 * requested for everything shipped, to come back to the stock location it
 * was shipped from. Medusa's own return flow does it (begin → request items →
 * confirm), each nested as a step, so a failure removes the half-made return.
 * The return carries metadata `kaspi_order_id`; when this Kaspi order has a
 * return already, nothing is done.
 *
 * @example
 * const { result } = await openMedusaReturnWorkflow(container).run({
 *   input: { order_id: "order_123", kaspi_order_id: "kord_123", kaspi_code: "630000001", actor: "kaspi" },
 * })
 * // result: { return_id: "return_…", opened: true, location_id: "sloc_…", quantity: 2 }
 */
export const openMedusaReturnWorkflow = createWorkflow(OPEN_MEDUSA_RETURN_WORKFLOW, (input: OpenMedusaReturnInput) => {
  const plan = planMedusaReturnStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, kaspi_order_id: input.kaspi_order_id })))

  const opened = when("kaspi-return-open", { plan }, ({ plan }) => plan.open).then(() => {
    const change = beginReturnOrderWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        order_id: plan.order_id,
        location_id: plan.location_id ?? undefined,
        created_by: input.actor,
        description: `Kaspi return, order ${input.kaspi_code}`,
        metadata: { [KASPI_RETURN_MARK]: input.kaspi_order_id, kaspi_code: input.kaspi_code },
      })),
    })
    const returnId = transform({ change }, ({ change }) => change.return_id as string)
    requestItemReturnWorkflow.runAsStep({
      input: transform({ returnId, plan }, ({ returnId, plan }) => ({ return_id: returnId, items: plan.items })),
    })
    confirmReturnRequestWorkflow.runAsStep({
      input: transform({ returnId, input }, ({ returnId, input }) => ({ return_id: returnId, confirmed_by: input.actor })),
    })
    return returnId
  })

  return new WorkflowResponse(
    transform({ plan, opened }, ({ plan, opened }): OpenMedusaReturnResult => ({
      return_id: opened ?? plan.existing_return_id,
      opened: Boolean(opened),
      location_id: plan.location_id,
      location_name: plan.location_name,
      quantity: plan.items.reduce((sum, i) => sum + i.quantity, 0),
    }))
  )
})
