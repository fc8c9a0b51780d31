import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"

type Query = { graph: (q: Record<string, unknown>) => Promise<{ data: any[] }> }

/**
 * Kaspi cancelled part of a line: the Medusa order follows through Medusa's own
 * order edit (begin → update quantity → request → confirm, which also adjusts
 * the reservation), then the captured payment is refunded by the difference,
 * since Kaspi gives the buyer that money back.
 */
export async function reduceMedusaOrderLine(
  container: MedusaContainer,
  orderId: string,
  kaspiEntryId: string,
  remainedQuantity: number,
  actor: string
): Promise<{ item_id: string; refunded: number }> {
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const read = async () =>
    (
      await query.graph({
        entity: "order",
        fields: ["id", "total", "items.*", "payment_collections.payments.id", "payment_collections.payments.captured_at"],
        filters: { id: orderId },
      })
    ).data[0]
  const before = await read()
  const item = (before?.items ?? []).find((i: any) => i.metadata?.kaspi_entry_id === kaspiEntryId)
  if (!item) throw new Error(`no line of order ${orderId} comes from Kaspi entry ${kaspiEntryId}`)
  if (MathBN.lte(item.quantity, remainedQuantity)) return { item_id: item.id, refunded: 0 }

  await beginOrderEditOrderWorkflow(container).run({ input: { order_id: orderId, created_by: actor, description: "Kaspi partial cancellation" } })
  await orderEditUpdateItemQuantityWorkflow(container).run({ input: { order_id: orderId, items: [{ id: item.id, quantity: remainedQuantity }] } })
  await requestOrderEditRequestWorkflow(container).run({ input: { order_id: orderId, requested_by: actor } })
  await confirmOrderEditRequestWorkflow(container).run({ input: { order_id: orderId, confirmed_by: actor } })

  const after = await read()
  const difference = MathBN.convert(before.total).minus(after.total)
  const payment = (after.payment_collections ?? []).flatMap((pc: any) => pc.payments ?? []).find((p: any) => p.captured_at)
  if (payment && difference.gt(0)) {
    await refundPaymentWorkflow(container).run({
      input: { payment_id: payment.id, amount: difference.toNumber(), note: "Kaspi partial cancellation: Kaspi refunds the buyer", created_by: actor },
    })
  }
  return { item_id: item.id, refunded: difference.gt(0) ? difference.toNumber() : 0 }
}
