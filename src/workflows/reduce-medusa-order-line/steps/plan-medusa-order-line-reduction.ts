import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readMedusaOrderLines } from "./read-medusa-order-lines"

export interface MedusaOrderLineReductionPlan {
  order_id: string
  item_id: string
  /** false when the line already has no more than Kaspi kept, or the order is canceled: nothing to edit */
  reduce: boolean
  /** the Medusa order was canceled before Kaspi took the line cut: there is no line left to follow */
  order_canceled: boolean
  remained_quantity: number
  total_before: number
  /** the captured payment Kaspi's refund is recorded on, if any */
  captured_payment_id: string | null
}

/**
 * Finds the Medusa line that came from the Kaspi entry and says whether it
 * must shrink. Read-only; throws when no line of the order comes from it.
 */
export const planMedusaOrderLineReductionStep = createStep(
  "plan-medusa-order-line-reduction",
  async (input: { order_id: string; kaspi_entry_id: string; remained_quantity: number }, { container }) => {
    const order = await readMedusaOrderLines(container, input.order_id)
    const item = order?.items.find((i) => i.metadata?.kaspi_entry_id === input.kaspi_entry_id)
    if (!order || !item) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `no line of order ${input.order_id} comes from Kaspi entry ${input.kaspi_entry_id}`)
    }
    // A line cut Kaspi took after the merchant canceled the whole order in Medusa (found by the agreement
    // test): Medusa's order edit refuses a canceled order, and the cancel that follows settles Kaspi's side.
    const orderCanceled = order.status === "canceled"
    return new StepResponse<MedusaOrderLineReductionPlan>({
      order_id: order.id,
      item_id: item.id,
      reduce: !orderCanceled && MathBN.gt(item.quantity, input.remained_quantity),
      order_canceled: orderCanceled,
      remained_quantity: input.remained_quantity,
      total_before: order.total,
      captured_payment_id: order.captured_payment_id,
    })
  }
)

/** The order's total after the edit was confirmed (what Kaspi refunds is the difference). Read-only. */
export const readMedusaOrderTotalStep = createStep("read-medusa-order-total", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "total"], filters: { id: input.order_id } })
  const order = data[0] as { total: BigNumberInput } | undefined
  return new StepResponse({ total: order ? MathBN.convert(order.total).toNumber() : 0 })
})
