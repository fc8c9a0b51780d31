import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { kaspiPriceDiffers, type KaspiLine, type LineIncrease, type LineReduction } from "../../lib/orders/kaspi-lines-plan"
import { editMedusaOrderLines } from "../reduce-medusa-order-line/edit-medusa-order-lines"
import { planKaspiOrderLinesStep } from "./steps/plan-kaspi-order-lines"

export const FOLLOW_KASPI_ORDER_LINES_WORKFLOW = "follow-kaspi-order-lines"

export interface FollowKaspiOrderLinesInput {
  order_id: string
  /** every entry of the Kaspi order as Kaspi shows it now; an entry left out counts as cancelled */
  kaspi_entries: KaspiLine[]
  /** Kaspi's order total now (attributes.totalPrice) */
  kaspi_total: number
  /** who made the change: recorded on the order edit and the refund */
  actor: string
}

export interface FollowKaspiOrderLinesResult {
  /** lines Medusa lowered to Kaspi's quantity (one order edit) */
  reduced: LineReduction[]
  /** lines Kaspi shows more of: not applied, for a person */
  increases: LineIncrease[]
  /** tenge refunded on the captured payment (0 when nothing was) */
  refunded: number
  /** Medusa's total after the edit (or as it was) */
  medusa_total: number
  kaspi_total: number
  /** the quantities follow Kaspi yet the totals differ (a price change on Kaspi): for a person */
  price_differs: boolean
}

/**
 * Makes the Medusa order follow the lines Kaspi shows now (a line cancelled
 * or cut in the Kaspi cabinet, API.md a.12): every line Kaspi lowered is
 * lowered in one Medusa order edit and Kaspi's refund of the difference is
 * recorded on the captured payment (editMedusaOrderLines, shared with
 * reduceMedusaOrderLineWorkflow). Nothing is done when Medusa already matches
 * (the merchant's own cancel_entry reduced it), so running it twice is safe.
 * Raised quantities and price changes are never applied: the result says
 * so, for a person. A failure after the edit began undoes it.
 *
 * @example
 * const { result } = await followKaspiOrderLinesWorkflow(container).run({
 *   input: {
 *     order_id: "order_123",
 *     kaspi_entries: [{ id: "entry-1", quantity: 1 }, { id: "entry-2", quantity: 0 }],
 *     kaspi_total: 3500,
 *     actor: "kaspi",
 *   },
 * })
 * // result: { reduced: [{ item_id: "ordli_…", from: 3, to: 1, … }, …], refunded: 10500, price_differs: false, … }
 */
export const followKaspiOrderLinesWorkflow = createWorkflow(FOLLOW_KASPI_ORDER_LINES_WORKFLOW, (input: FollowKaspiOrderLinesInput) => {
  const plan = planKaspiOrderLinesStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, kaspi_entries: input.kaspi_entries })))
  const edit = transform({ plan }, ({ plan }) => plan.edit)
  const words = transform({ input }, ({ input }) => ({
    actor: input.actor,
    description: "Kaspi changed the order's lines",
    refund_note: "Lines cancelled on Kaspi: Kaspi refunds the buyer",
  }))
  const edited = editMedusaOrderLines(edit, words)

  const result = transform({ input, plan, edited }, ({ input, plan, edited }): FollowKaspiOrderLinesResult => {
    const medusaTotal = edited.total_after ?? plan.edit.total_before
    return {
      reduced: plan.lines.reductions,
      increases: plan.lines.increases,
      refunded: edited.refunded,
      medusa_total: medusaTotal,
      kaspi_total: input.kaspi_total,
      price_differs: kaspiPriceDiffers(plan.lines, input.kaspi_total, medusaTotal),
    }
  })
  return new WorkflowResponse(result)
})
