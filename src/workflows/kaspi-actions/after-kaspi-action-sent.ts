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
  if (row.action === "cancel_entry") {
    const p = row.payload as { entry_id: string; remained_quantity: number }
    try {
      const { refunded } = await reduceMedusaOrderLine(container, row.order_id, p.entry_id, p.remained_quantity, MERCHANT_ACTION_ORIGIN)
      await kaspi.logKaspiEvent({
        account_id: row.account_id,
        kaspi_order_id: row.kaspi_order_id,
        kaspi_code: row.code,
        type: "medusa.order_edited",
        result: "ok",
        message: `Line reduced to ${p.remained_quantity} in Medusa${refunded ? `, ${refunded} ₸ refunded` : ""}`,
      })
    } catch (e) {
      await kaspi.logKaspiEvent({
        account_id: row.account_id,
        kaspi_order_id: row.kaspi_order_id,
        kaspi_code: row.code,
        type: "medusa.follow_up_failed",
        result: "error",
        message: `Kaspi cancelled part of the line but the Medusa order could not follow: ${(e as Error).message}`,
      })
    }
  }
  if (row.action === "complete") {
    try {
      await completeMedusaOrder(container, row.order_id, MERCHANT_ACTION_ORIGIN)
      await kaspi.logKaspiEvent({
        account_id: row.account_id,
        kaspi_order_id: row.kaspi_order_id,
        kaspi_code: row.code,
        type: "medusa.order_completed",
        result: "ok",
        message: "Handed over with the buyer's code: Medusa order delivered and completed",
      })
    } catch (e) {
      await kaspi.logKaspiEvent({
        account_id: row.account_id,
        kaspi_order_id: row.kaspi_order_id,
        kaspi_code: row.code,
        type: "medusa.follow_up_failed",
        result: "error",
        message: `Kaspi completed the order but Medusa could not: ${(e as Error).message}`,
      })
    }
  }
}
