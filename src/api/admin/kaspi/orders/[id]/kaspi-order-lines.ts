import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { KaspiEntryRaw, KaspiOrderLine } from "../../../../../types"

/**
 * The order's lines as Kaspi knows them, each with the entry id a partial
 * cancel names (API.md a.12): Kaspi's own entries when the stored JSON has
 * them, else the Medusa order's items, which carry the entry id
 * (metadata.kaspi_entry_id) and follow Kaspi's line changes. A status-only
 * read stores no entries, so an order read that way has only the second.
 */
export async function kaspiOrderLines(
  scope: MedusaContainer,
  order: { order_id: string | null; raw: unknown }
): Promise<KaspiOrderLine[]> {
  const entries = ((order.raw as { entries?: KaspiEntryRaw[] } | null)?.entries ?? []).filter((e) => e?.id)
  if (entries.length) {
    return entries.map((e) => ({
      entry_id: e.id as string,
      sku: e.attributes?.offer?.code ?? null,
      name: e.attributes?.offer?.name ?? null,
      quantity: Number(e.attributes?.quantity ?? 0),
    }))
  }
  if (!order.order_id) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    // An order item's quantity lives on its current version (order_item): asked for, it fills items.quantity.
    fields: ["items.title", "items.quantity", "items.metadata", "items.detail.quantity"],
    filters: { id: order.order_id },
  })
  const items = (data[0]?.items ?? []) as Array<{ title: string; quantity: BigNumberInput; metadata: Record<string, unknown> | null } | null>
  return items.flatMap((i) => {
    const entryId = i?.metadata?.kaspi_entry_id
    if (!i || typeof entryId !== "string") return []
    const sku = i.metadata?.kaspi_sku
    return [{ entry_id: entryId, sku: typeof sku === "string" ? sku : null, name: i.title, quantity: MathBN.convert(i.quantity).toNumber() }]
  })
}
