import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { completeMedusaOrderWorkflow } from "../../workflows/complete-medusa-order"
import { reduceMedusaOrderLineWorkflow } from "../../workflows/reduce-medusa-order-line"
import { MERCHANT_ACTION_ORIGIN } from "../sync/change-origin"
import type { KaspiText } from "../../types/kaspi-texts"

/**
 * What Medusa does once Kaspi took an action: a completed pickup or own-delivery
 * order is delivered and completed in Medusa too; a cancelled part of a line
 * is taken out of the Medusa order and refunded. (The waybill of an assembled
 * order is fetched by the outbox job: Kaspi publishes it seconds later.)
 * Each follow-up is a workflow of its own, run after Kaspi's answer was
 * recorded: Kaspi's call cannot be taken back, so a follow-up that fails is
 * undone by itself and written into the order's history, never thrown.
 */
export async function afterKaspiActionSent(container: MedusaContainer, actionId: string): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiActions({ id: actionId })
  if (!row?.order_id) return
  const orderId = row.order_id
  const log = (type: string, result: "ok" | "error", message: string, text: KaspiText) =>
    kaspi.logKaspiEvent({ account_id: row.account_id, kaspi_order_id: row.kaspi_order_id, kaspi_code: row.code, type, result, message, text })
  try {
    if (row.action === "cancel_entry") {
      const p = row.payload as { entry_id: string; remained_quantity: number }
      const { result } = await reduceMedusaOrderLineWorkflow(container).run({
        input: { order_id: orderId, kaspi_entry_id: p.entry_id, remained_quantity: p.remained_quantity, actor: MERCHANT_ACTION_ORIGIN },
      })
      const refunded = result.refunded
      await log("medusa.order_edited", "ok", `Line reduced to ${p.remained_quantity} in Medusa${refunded ? `, ${refunded} ₸ refunded` : ""}`, {
        code: "medusa.order_edited",
        params: { quantity: p.remained_quantity, refunded: refunded ? Number(refunded) : 0 },
      })
    } else if (row.action === "complete") {
      await completeMedusaOrderWorkflow(container).run({ input: { order_id: orderId, origin: MERCHANT_ACTION_ORIGIN } })
      await log("medusa.order_completed", "ok", "Handed over with the buyer's code: Medusa order delivered and completed", {
        code: "medusa.order_completed",
        params: { why: "code" },
      })
    }
  } catch (e) {
    await log("medusa.follow_up_failed", "error", `Kaspi took ${row.action} but the Medusa order could not follow: ${(e as Error).message}`, {
      code: "medusa.follow_up_failed",
      params: { action: row.action, error: (e as Error).message },
    })
  }
}
