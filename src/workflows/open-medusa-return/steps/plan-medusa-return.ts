import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findKaspiReturn, stockLocationName } from "./find-kaspi-return"

export interface MedusaReturnPlan {
  order_id: string
  /** false when this Kaspi order's return is open already, or nothing shipped is left to come back */
  open: boolean
  /** the return already opened for this Kaspi order, if any */
  existing_return_id: string | null
  /** where the goods were shipped from, so where they come back to */
  location_id: string | null
  location_name: string | null
  /** every order item with what was shipped and is not on a return yet */
  items: Array<{ id: string; quantity: number }>
}

type ItemDetail = {
  fulfilled_quantity?: BigNumberInput | null
  return_requested_quantity?: BigNumberInput | null
  return_received_quantity?: BigNumberInput | null
  return_dismissed_quantity?: BigNumberInput | null
}
type OrderRead = {
  id: string
  items?: Array<{ id: string; detail?: ItemDetail | null }> | null
  fulfillments?: Array<{ id: string; location_id: string | null; canceled_at: string | null }> | null
}

/** Shipped and not yet asked back or received back (Medusa lets a return ask for at most that). */
const returnable = (d: ItemDetail | null | undefined) =>
  MathBN.sub(
    d?.fulfilled_quantity ?? 0,
    MathBN.add(d?.return_requested_quantity ?? 0, d?.return_received_quantity ?? 0, d?.return_dismissed_quantity ?? 0)
  ).toNumber()

/**
 * Says what the Medusa return for a Kaspi return holds and where it is
 * received: the stock location the order was fulfilled from, which is the
 * Kaspi store's location the import reserved at (lib/orders/kaspi-order-location).
 * Read-only. Refuses an order shipped from several locations: one return
 * comes back to one place, so a person splits it.
 */
export const planMedusaReturnStep = createStep(
  "plan-medusa-return-for-kaspi",
  async (input: { order_id: string; kaspi_order_id: string }, { container }) => {
    const existing = await findKaspiReturn(container, input.order_id, input.kaspi_order_id)
    if (existing) {
      return new StepResponse<MedusaReturnPlan>({
        order_id: input.order_id,
        open: false,
        existing_return_id: existing.id,
        location_id: existing.location_id,
        location_name: await stockLocationName(container, existing.location_id),
        items: [],
      })
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      // (the item's quantities come only with the item's own fields: "items.id" alone leaves them out)
      fields: ["id", "items.*", "items.detail.*", "fulfillments.id", "fulfillments.location_id", "fulfillments.canceled_at"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRead | undefined
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    const items = (order.items ?? []).map((i) => ({ id: i.id, quantity: returnable(i.detail) })).filter((i) => i.quantity > 0)
    const locations = [...new Set((order.fulfillments ?? []).filter((f) => !f.canceled_at).map((f) => f.location_id).filter(Boolean))]
    if (items.length && locations.length !== 1) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        locations.length
          ? `Order ${order.id} was shipped from ${locations.length} stock locations; a return comes back to one: make the returns in Medusa`
          : `Order ${order.id} has no fulfilment to tell where the goods come back to: make the return in Medusa`
      )
    }
    const locationId = (locations[0] as string | undefined) ?? null
    return new StepResponse<MedusaReturnPlan>({
      order_id: order.id,
      open: items.length > 0,
      existing_return_id: null,
      location_id: locationId,
      location_name: await stockLocationName(container, locationId),
      items,
    })
  }
)
