import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface DiscardHalfImportedInput {
  account_id: string
  kaspi_id: string
  /** the import status the claim took the order from */
  previous_import_status: string | null
}

/** Statuses an attempt that may have created an order ends in when its process dies (or died before this fix). */
const RECOVERED_FROM = new Set(["importing", "failed"])

type HalfMadeOrder = {
  id: string
  metadata?: Record<string, unknown> | null
  items?: Array<{ id: string }> | null
  payment_collections?: Array<{ id: string }> | null
}

/**
 * Before importing again an order whose last attempt did not end cleanly (its
 * process was killed: the claim found it "importing" with the lease run out,
 * or "failed"), removes the Medusa order that attempt may have left half-made:
 * created by createOrderWorkflow but never linked, maybe without reservations
 * or payment. Workflow compensation cannot do this, because a killed process
 * runs none. Found by `metadata.kaspi_id` (written at creation); such an order
 * was never announced (no event), so it is removed quietly: reservations, its
 * links (payment collection, Kaspi record), payment collections, then the
 * order. Other attempts (first import, needs-attention retries) skip the query.
 */
export const discardHalfImportedKaspiOrderStep = createStep(
  "discard-half-imported-kaspi-order",
  async (input: DiscardHalfImportedInput, { container }) => {
    if (!RECOVERED_FROM.has(input.previous_import_status ?? "")) return new StepResponse({ discarded: [] as string[] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "metadata", "items.id", "payment_collections.id"],
      filters: { metadata: { kaspi_id: input.kaspi_id } },
    })
    const halfMade = (data as HalfMadeOrder[]).filter((o) => (o.metadata?.kaspi_account_id ?? input.account_id) === input.account_id)
    if (!halfMade.length) return new StepResponse({ discarded: [] as string[] })

    const inventory = container.resolve(Modules.INVENTORY)
    const payment = container.resolve(Modules.PAYMENT)
    const orders = container.resolve(Modules.ORDER)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    for (const order of halfMade) {
      const itemIds = (order.items ?? []).map((i) => i.id)
      if (itemIds.length) await inventory.deleteReservationItemsByLineItem(itemIds)
      await link.delete({ [Modules.ORDER]: { order_id: order.id } })
      const collectionIds = (order.payment_collections ?? []).map((p) => p.id)
      if (collectionIds.length) await payment.softDeletePaymentCollections(collectionIds)
      await orders.softDeleteOrders([order.id])
    }
    return new StepResponse({ discarded: halfMade.map((o) => o.id) })
  }
)
