import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { completeMedusaOrder } from "../medusa-follow-ups/complete-medusa-order"
import { reduceMedusaOrderLine } from "../medusa-follow-ups/reduce-medusa-order-line"

/** Origin written on Medusa changes that follow a merchant's Kaspi action. */
export const MERCHANT_ACTION_ORIGIN = "kaspi-action"

/**
 * What Medusa does once Kaspi took an action: a completed pickup or own-delivery
 * order is delivered and completed in Medusa too. (The waybill of an assembled
 * order is fetched by the outbox job: Kaspi publishes it seconds later.)
 */
export async function afterKaspiActionSent(container: MedusaContainer, actionId: string): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiActions({ id: actionId })
  if (!row?.order_id) return
  const orderId = row.order_id
  const log = (type: string, result: "ok" | "error", message: string) =>
    kaspi.logKaspiEvent({ account_id: row.account_id, kaspi_order_id: row.kaspi_order_id, kaspi_code: row.code, type, result, message })
  try {
    if (row.action === "cancel_entry") {
      const p = row.payload as { entry_id: string; remained_quantity: number }
      const { refunded } = await reduceMedusaOrderLine(container, orderId, p.entry_id, p.remained_quantity, MERCHANT_ACTION_ORIGIN)
      await log("medusa.order_edited", "ok", `Line reduced to ${p.remained_quantity} in Medusa${refunded ? `, ${refunded} ₸ refunded` : ""}`)
    } else if (row.action === "complete") {
      await completeMedusaOrder(container, orderId, MERCHANT_ACTION_ORIGIN)
      await log("medusa.order_completed", "ok", "Handed over with the buyer's code: Medusa order delivered and completed")
    }
  } catch (e) {
    await log("medusa.follow_up_failed", "error", `Kaspi took ${row.action} but the Medusa order could not follow: ${(e as Error).message}`)
  }
}
