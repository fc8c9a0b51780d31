import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { MedusaOrderView } from "./judge"

type Amount = { amount: unknown }
const sum = (rows: Amount[] | null | undefined) => (rows ?? []).reduce((a, r) => a + MathBN.convert(r.amount as never).toNumber(), 0)

/** The Medusa order as the judge compares it, read with Query only (no plugin code). */
export async function readMedusaOrder(container: MedusaContainer, orderId: string): Promise<MedusaOrderView> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "status",
      "total",
      "items.quantity",
      "items.metadata",
      "returns.status",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  const o = data[0] as {
    status: string
    total: unknown
    items?: Array<{ quantity: unknown; metadata?: Record<string, unknown> | null }> | null
    returns?: Array<{ status: string }> | null
    payment_collections?: Array<{ payments?: Array<{ captures?: Amount[] | null; refunds?: Amount[] | null }> | null }> | null
  }
  const quantities: Record<string, number> = {}
  for (const i of o.items ?? []) {
    const entry = i.metadata?.kaspi_entry_id
    if (typeof entry === "string") quantities[entry] = (quantities[entry] ?? 0) + MathBN.convert(i.quantity as never).toNumber()
  }
  const payments = (o.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
  return {
    status: o.status,
    total: MathBN.convert(o.total as never).toNumber(),
    quantities,
    captured: payments.reduce((a, p) => a + sum(p.captures), 0),
    refunded: payments.reduce((a, p) => a + sum(p.refunds), 0),
    returns: (o.returns ?? []).filter((r) => r.status !== "canceled"),
  }
}
