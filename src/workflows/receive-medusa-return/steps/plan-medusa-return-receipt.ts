import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findKaspiReturn, stockLocationName } from "../../open-medusa-return/steps/find-kaspi-return"

export interface MedusaReturnReceiptPlan {
  /** the return opened for this Kaspi order (null: there is none) */
  return_id: string | null
  location_id: string | null
  location_name: string | null
  /** false when there is no such return or a person received everything already */
  receive: boolean
  /** per order item, what is not received yet */
  items: Array<{ id: string; quantity: number }>
}

/** Says what of the Kaspi order's return is still to be received. Read-only. */
export const planMedusaReturnReceiptStep = createStep(
  "plan-medusa-return-receipt-for-kaspi",
  async (input: { order_id: string; kaspi_order_id: string }, { container }) => {
    const found = await findKaspiReturn(container, input.order_id, input.kaspi_order_id)
    return new StepResponse<MedusaReturnReceiptPlan>({
      return_id: found?.id ?? null,
      location_id: found?.location_id ?? null,
      location_name: await stockLocationName(container, found?.location_id ?? null),
      receive: Boolean(found && !found.received),
      items: found && !found.received ? found.to_receive : [],
    })
  }
)
