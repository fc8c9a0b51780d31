import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Medusa's workflow language has no loop, so a workflow that acts on each
 * fulfilment of an order is written out for this many; an order with more
 * is refused with a clear message (a Kaspi order has a handful of lines).
 */
export const MAX_FULFILLMENTS_PER_ORDER = 10

export interface MedusaOrderCompletionPlan {
  order_id: string
  /** already completed or cancelled (or gone): nothing to do */
  done: boolean
  /** no live fulfilment yet: fulfil every item from where the import reserved the stock */
  fulfil: { items: Array<{ id: string; quantity: number }>; location_id: string | undefined } | null
  /** live fulfilments not delivered yet */
  deliver_fulfillment_ids: string[]
}

type OrderRead = {
  id: string
  status: string
  items?: Array<{ id: string; quantity: number }> | null
  fulfillments?: Array<{ id: string; canceled_at: string | null; delivered_at: string | null }> | null
}

/**
 * Reads the order and says what completing it still takes, so running the
 * workflow again after a failure finishes what the failed run left. Read-only.
 */
export const planMedusaOrderCompletionStep = createStep(
  "plan-medusa-order-completion",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "items.*", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.delivered_at"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRead | undefined
    const nothing: MedusaOrderCompletionPlan = { order_id: input.order_id, done: true, fulfil: null, deliver_fulfillment_ids: [] }
    if (!order || order.status === "completed" || order.status === "canceled") return new StepResponse(nothing)

    const live = (order.fulfillments ?? []).filter((f) => !f.canceled_at)
    let fulfil: MedusaOrderCompletionPlan["fulfil"] = null
    if (!live.length) {
      const items = order.items ?? []
      const { data: reservations } = await query.graph({
        entity: "reservation_item",
        fields: ["location_id"],
        filters: { line_item_id: items.map((i) => i.id) },
      })
      fulfil = {
        items: items.map((i) => ({ id: i.id, quantity: i.quantity })),
        location_id: (reservations[0] as { location_id?: string } | undefined)?.location_id,
      }
    }
    const deliver = live.filter((f) => !f.delivered_at).map((f) => f.id)
    if (deliver.length > MAX_FULFILLMENTS_PER_ORDER) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${order.id} has ${deliver.length} undelivered fulfilments; the plugin delivers at most ${MAX_FULFILLMENTS_PER_ORDER}: mark them delivered in Medusa`
      )
    }
    return new StepResponse<MedusaOrderCompletionPlan>({ order_id: order.id, done: false, fulfil, deliver_fulfillment_ids: deliver })
  }
)
