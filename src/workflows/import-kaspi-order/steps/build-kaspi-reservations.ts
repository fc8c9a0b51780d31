import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"

export interface KaspiReservationInput {
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  description: string
}

type OrderItemRead = {
  id: string
  quantity: BigNumberInput
  variant?: {
    manage_inventory: boolean
    inventory_items?: Array<{ inventory_item_id: string; required_quantity: number | null }> | null
  } | null
}

/**
 * What to reserve for the new order at the Kaspi store's stock location: each
 * item's inventory items × required quantity, for variants whose inventory
 * Medusa manages. Read-only; the reservations themselves are made by Medusa's
 * createReservationsWorkflow (which undoes them on failure).
 */
export const buildKaspiReservationsStep = createStep(
  "build-kaspi-reservations",
  async (input: { order_id: string; location_id: string; kaspi_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "items.*",
        "items.variant.id",
        "items.variant.manage_inventory",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
      ],
      filters: { id: input.order_id },
    })
    const reservations: KaspiReservationInput[] = []
    const items = ((data[0] as { items?: OrderItemRead[] | null } | undefined)?.items ?? [])
    for (const item of items) {
      if (!item?.variant?.manage_inventory) continue
      for (const link of item.variant.inventory_items ?? []) {
        reservations.push({
          line_item_id: item.id,
          inventory_item_id: link.inventory_item_id,
          location_id: input.location_id,
          quantity: MathBN.convert(item.quantity).times(link.required_quantity ?? 1).toNumber(),
          description: `Kaspi order ${input.kaspi_code}`,
        })
      }
    }
    return new StepResponse(reservations)
  }
)
