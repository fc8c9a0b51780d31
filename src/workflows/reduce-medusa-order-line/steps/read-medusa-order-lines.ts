import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"

/** What an order edit that follows Kaspi reads of the Medusa order. */
export interface MedusaOrderLines {
  id: string
  /** Medusa's order status: a canceled order can no longer be edited */
  status: string
  total: number
  items: Array<{ id: string; title: string | null; quantity: BigNumberInput; metadata?: Record<string, unknown> | null }>
  /** the captured payment Kaspi's refund is recorded on, if any */
  captured_payment_id: string | null
}

type OrderRead = {
  id: string
  status: string
  total: BigNumberInput
  items?: MedusaOrderLines["items"] | null
  payment_collections?: Array<{ payments?: Array<{ id: string; captured_at: string | null }> | null }> | null
}

/** The Medusa order's lines, total and captured payment; null when there is no such order. */
export async function readMedusaOrderLines(container: MedusaContainer, orderId: string): Promise<MedusaOrderLines | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "total", "items.*", "payment_collections.payments.id", "payment_collections.payments.captured_at"],
    filters: { id: orderId },
  })
  const order = data[0] as OrderRead | undefined
  if (!order) return null
  const payment = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []).find((p) => p.captured_at)
  return { id: order.id, status: order.status, total: MathBN.convert(order.total).toNumber(), items: order.items ?? [], captured_payment_id: payment?.id ?? null }
}
