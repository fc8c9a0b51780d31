import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * What Medusa holds for one Kaspi order id, read through Medusa's query: the
 * live orders carrying that kaspi_id (with items, reservations and payment),
 * and the kaspi_order record. Used by the in-process tests.
 */
export async function medusaStateOf(container: MedusaContainer, kaspiId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "metadata", "items.id", "items.quantity", "items.variant_id", "payment_collections.status", "payment_collections.captured_amount", "total"],
    filters: { metadata: { kaspi_id: kaspiId } },
  })
  const { data: records } = await query.graph({
    entity: "kaspi_order",
    fields: ["id", "kaspi_id", "import_status", "import_reason", "order_id"],
    filters: { kaspi_id: kaspiId },
  })
  const itemIds = orders.flatMap((o: any) => (o.items ?? []).map((i: any) => i.id))
  const { data: reservations } = itemIds.length
    ? await query.graph({ entity: "reservation_item", fields: ["id", "line_item_id", "quantity"], filters: { line_item_id: itemIds } })
    : { data: [] as any[] }
  return { orders: orders as any[], record: records[0] as any, reservations: reservations as any[] }
}

/** Problems with an imported order: lines, reservations, payment (empty when whole). */
export function wholeProblems(state: Awaited<ReturnType<typeof medusaStateOf>>, entries: number, quantity: number): string[] {
  const problems: string[] = []
  const [order] = state.orders
  if (state.orders.length !== 1) problems.push(`${state.orders.length} live Medusa orders`)
  if (!order) return problems
  if (state.record?.order_id !== order.id) problems.push("kaspi_order not linked to it")
  if ((order.items ?? []).length !== entries) problems.push(`${order.items?.length} lines for ${entries} entries`)
  const reserved = state.reservations.reduce((s, r) => s + Number(r.quantity), 0)
  if (reserved !== quantity) problems.push(`reserved ${reserved} of ${quantity}`)
  const pc = order.payment_collections?.[0]
  if (pc?.status !== "completed" || Number(pc?.captured_amount) !== Number(order.total)) problems.push(`payment ${pc?.status} ${pc?.captured_amount}/${order.total}`)
  return problems
}
