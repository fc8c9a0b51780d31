import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
} from "@medusajs/medusa/core-flows"

type Query = { graph: (q: Record<string, unknown>) => Promise<{ data: any[] }> }

/**
 * A Kaspi order was handed over (Kaspi completed it, or the buyer's code was
 * accepted): fulfil what is not fulfilled yet from where the import reserved
 * the stock, mark it delivered and complete the Medusa order. Each step is a
 * core workflow chosen after reading the order, so calling it again finishes
 * what a failed call left.
 */
export async function completeMedusaOrder(container: MedusaContainer, orderId: string, origin: string): Promise<void> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const read = async () =>
    (
      await query.graph({
        entity: "order",
        fields: ["id", "status", "items.*", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.delivered_at"],
        filters: { id: orderId },
      })
    ).data[0]
  const order = await read()
  if (!order || order.status === "completed" || order.status === "canceled") return

  let live = (order.fulfillments ?? []).filter((f: any) => !f.canceled_at)
  if (!live.length) {
    const { data: reservations } = await query.graph({
      entity: "reservation_item",
      fields: ["location_id"],
      filters: { line_item_id: (order.items ?? []).map((i: any) => i.id) },
    })
    await createOrderFulfillmentWorkflow(container).run({
      input: {
        order_id: orderId,
        items: (order.items ?? []).map((i: any) => ({ id: i.id, quantity: i.quantity })),
        location_id: reservations[0]?.location_id,
        no_notification: true,
        metadata: { kaspi_origin: origin },
      },
    })
    live = ((await read())?.fulfillments ?? []).filter((f: any) => !f.canceled_at)
  }
  for (const f of live.filter((f: any) => !f.delivered_at)) {
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId, fulfillmentId: f.id } })
  }
  await completeOrderWorkflow(container).run({ input: { orderIds: [orderId] } })
}
