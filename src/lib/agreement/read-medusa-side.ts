import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type KaspiModuleService from "../../modules/kaspi/service"
import { actionsOnTheWay } from "../actions/actions-on-the-way"
import { findKaspiReturn } from "../../workflows/open-medusa-return/steps/find-kaspi-return"
import type { MedusaSideOfOrder } from "./compare-kaspi-and-medusa"

type OrderRead = {
  id: string
  status: string
  total: BigNumberInput
  metadata?: Record<string, unknown> | null
  items?: Array<{
    id: string
    title: string | null
    quantity: BigNumberInput
    metadata?: Record<string, unknown> | null
    variant?: {
      manage_inventory: boolean
      inventory_items?: Array<{ inventory_item_id: string; required_quantity: number | null }> | null
    } | null
  }> | null
  fulfillments?: Array<{ canceled_at: string | null; shipped_at: string | null; delivered_at: string | null }> | null
  payment_collections?: Array<{
    payments?: Array<{ captures?: Array<{ amount: BigNumberInput }> | null; refunds?: Array<{ amount: BigNumberInput }> | null }> | null
  }> | null
}

const sum = (rows: Array<{ amount: BigNumberInput }> | null | undefined) =>
  (rows ?? []).reduce((acc, r) => MathBN.add(acc, r.amount), MathBN.convert(0))

/**
 * The Medusa order as reconciliation compares it: status, lines with their
 * reservations, fulfilments, the plugin's return, money captured and refunded,
 * and the Kaspi status Medusa last followed (metadata.kaspi_status, written at
 * import and by every status sync). Read-only; null when the order is gone.
 */
export async function readMedusaSide(
  container: MedusaContainer,
  kaspi: KaspiModuleService,
  row: { id: string; order_id: string }
): Promise<{ side: MedusaSideOfOrder; followed_status: string | null } | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "total",
      "metadata",
      "items.id",
      "items.title",
      "items.quantity",
      "items.metadata",
      "items.variant.manage_inventory",
      "items.variant.inventory_items.inventory_item_id",
      "items.variant.inventory_items.required_quantity",
      "fulfillments.canceled_at",
      "fulfillments.shipped_at",
      "fulfillments.delivered_at",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: row.order_id },
  })
  const order = data[0] as OrderRead | undefined
  if (!order) return null
  const items = order.items ?? []
  const reserved = await readReserved(container, items.map((i) => i.id))
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
  const kaspiReturn = await findKaspiReturn(container, order.id, row.id)
  const pending = await actionsOnTheWay(kaspi, row.id)
  const side: MedusaSideOfOrder = {
    status: order.status,
    total: MathBN.convert(order.total).toNumber(),
    items: items.map((i) => ({
      id: i.id,
      title: i.title ?? i.id,
      quantity: MathBN.convert(i.quantity).toNumber(),
      kaspi_entry_id: typeof i.metadata?.kaspi_entry_id === "string" ? i.metadata.kaspi_entry_id : null,
      // The import reserves only variants whose inventory Medusa manages (build-kaspi-reservations).
      inventory: i.variant?.manage_inventory
        ? (i.variant.inventory_items ?? []).map((l) => ({
            inventory_item_id: l.inventory_item_id,
            required_quantity: l.required_quantity ?? 1,
            reserved: reserved.get(`${i.id}:${l.inventory_item_id}`) ?? 0,
          }))
        : [],
    })),
    fulfillments: (order.fulfillments ?? [])
      .filter((f) => !f.canceled_at)
      .map((f) => ({ shipped: Boolean(f.shipped_at), delivered: Boolean(f.delivered_at) })),
    kaspi_return: kaspiReturn ? { received: kaspiReturn.received } : null,
    payment: {
      captured: payments.reduce((acc, p) => MathBN.add(acc, sum(p.captures)), MathBN.convert(0)).toNumber(),
      refunded: payments.reduce((acc, p) => MathBN.add(acc, sum(p.refunds)), MathBN.convert(0)).toNumber(),
    },
    pending_actions: pending,
  }
  const followed = order.metadata?.kaspi_status
  return { side, followed_status: typeof followed === "string" ? followed : null }
}

/** Reserved quantity per (line item, inventory item). */
async function readReserved(container: MedusaContainer, lineItemIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (!lineItemIds.length) return out
  const rows = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineItemIds }, { take: null })
  for (const r of rows) {
    const key = `${r.line_item_id}:${r.inventory_item_id}`
    out.set(key, (out.get(key) ?? 0) + MathBN.convert(r.quantity).toNumber())
  }
  return out
}
