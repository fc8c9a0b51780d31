import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import { ensureKaspiAccountSetup } from "../../src/lib/sync/ensure-kaspi-account-setup"
import { ACCOUNT } from "./history-seed"

type Raw = (sql: string, bindings?: unknown[]) => Promise<any>

/**
 * Real Medusa orders made by Medusa's own createOrderWorkflow (the step the
 * import nests), once per bench run: the widget reads a Kaspi order by the
 * Medusa order id, so a few of the history's orders must have a real one.
 */
export async function createMedusaOrders(container: MedusaContainer, count: number): Promise<string[]> {
  const setup = await ensureKaspiAccountSetup(container, ACCOUNT)
  const ids: string[] = []
  for (let k = 0; k < count; k++) {
    const { result } = await createOrderWorkflow(container).run({
      input: {
        region_id: setup.region_id,
        sales_channel_id: setup.sales_channel_id,
        email: `history-${k}@bench.invalid`,
        currency_code: "kzt",
        items: [{ title: `BENCH-${k % 50}`, quantity: 1, unit_price: 1000 + k, is_tax_inclusive: true }],
        shipping_methods: [{ name: "Kaspi", amount: 0, shipping_option_id: setup.shipping_option_id, is_tax_inclusive: true }],
      } as any,
    })
    ids.push(result.id)
  }
  return ids
}

/**
 * Links the Medusa orders to imported Kaspi orders spread over the whole
 * history, the way the import does: the kaspi_order.order_id column and the
 * module link (src/links/kaspi-order-order.ts). Returns the Kaspi order ids.
 */
export async function linkMedusaOrders(container: MedusaContainer, raw: Raw, orderIds: string[]): Promise<Array<{ kaspiOrderId: string; orderId: string }>> {
  const total = Number((await raw(`select count(*)::int as n from kaspi_order where import_status = 'imported'`)).rows[0].n)
  const step = Math.max(1, Math.floor(total / orderIds.length))
  const picked = (
    await raw(
      `select id from (select id, row_number() over (order by kaspi_created_at desc) as rn from kaspi_order where import_status = 'imported') x
       where rn % ? = 0 order by rn limit ?`,
      [step, orderIds.length]
    )
  ).rows.map((r: { id: string }) => r.id) as string[]
  const pairs = picked.map((kaspiOrderId, k) => ({ kaspiOrderId, orderId: orderIds[k] }))
  for (const p of pairs) {
    await raw(`update kaspi_order set order_id = ? where id = ?`, [p.orderId, p.kaspiOrderId])
    await raw(`update kaspi_action set order_id = ? where kaspi_order_id = ?`, [p.orderId, p.kaspiOrderId])
  }
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create(pairs.map((p) => ({ [KASPI_MODULE]: { kaspi_order_id: p.kaspiOrderId }, [Modules.ORDER]: { order_id: p.orderId } })))
  return pairs
}
