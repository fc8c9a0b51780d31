import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"

/** Return metadata key that marks the Medusa return the plugin opened for a Kaspi order (its kord_… id). */
export const KASPI_RETURN_MARK = "kaspi_order_id"

export interface KaspiReturnRead {
  id: string
  status: string
  location_id: string | null
  /** every item received (by a person or the plugin) */
  received: boolean
  /** what is still to be received, per order item */
  to_receive: Array<{ id: string; quantity: number }>
}

type ReturnRow = {
  id: string
  status: string
  location_id: string | null
  canceled_at: string | null
  metadata?: Record<string, unknown> | null
  items?: Array<{ item_id: string; quantity: BigNumberInput; received_quantity: BigNumberInput | null }> | null
}

/**
 * The return the plugin opened for this Kaspi order, if it was not cancelled:
 * found by its mark, so a second sync never opens a second one.
 */
export async function findKaspiReturn(container: MedusaContainer, orderId: string, kaspiOrderId: string): Promise<KaspiReturnRead | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "return",
    fields: ["id", "status", "location_id", "canceled_at", "metadata", "items.item_id", "items.quantity", "items.received_quantity"],
    filters: { order_id: orderId },
  })
  const row = (data as ReturnRow[]).find((r) => !r.canceled_at && r.status !== "canceled" && r.metadata?.[KASPI_RETURN_MARK] === kaspiOrderId)
  if (!row) return null
  const toReceive = (row.items ?? [])
    .map((i) => ({ id: i.item_id, quantity: MathBN.sub(i.quantity, i.received_quantity ?? 0).toNumber() }))
    .filter((i) => i.quantity > 0)
  return { id: row.id, status: row.status, location_id: row.location_id, received: row.status === "received" || !toReceive.length, to_receive: toReceive }
}

/** A stock location's name for the order's history (its id when it has none). */
export async function stockLocationName(container: MedusaContainer, locationId: string | null): Promise<string | null> {
  if (!locationId) return null
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "stock_location",
    fields: ["id", "name"],
    filters: { id: locationId },
  })
  return (data[0] as { name?: string | null } | undefined)?.name || locationId
}
