import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderFulfillmentWorkflow, cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { completeMedusaOrder } from "../medusa-follow-ups/complete-medusa-order"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { kaspiStatusToMedusaAction } from "../../lib/orders/kaspi-status-action"

/** Written on orders changed because Kaspi said so: outbound subscribers must not send it back. */
export const KASPI_ORIGIN = "kaspi"

export interface KaspiStatusChange {
  accountId: string
  kaspiOrderId: string
  orderId: string
  previousStatus: string
  order: KaspiOrder
}

type Query = { graph: (q: Record<string, unknown>) => Promise<{ data: any[] }> }

async function readOrder(query: Query, orderId: string) {
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "metadata", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.shipped_at", "fulfillments.delivered_at"],
    filters: { id: orderId },
  })
  return data[0]
}

/**
 * Brings the Medusa order along when Kaspi changes an imported order: cancelled
 * or cancelling → Medusa order cancelled (reservations released); completed →
 * fulfilled, delivered and completed; return statuses → recorded. Every change
 * is a core Medusa workflow (each undoes itself on failure) and each is chosen
 * after re-reading the order, so a half-done follow-up finishes on the next poll.
 * The order's metadata says the change came from Kaspi (loop guard).
 */
export async function applyKaspiStatusChange(container: MedusaContainer, change: KaspiStatusChange): Promise<string> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const query = container.resolve<Query>(ContainerRegistrationKeys.QUERY)
  const orderModule = container.resolve(Modules.ORDER) as { updateOrders: (id: string, data: unknown) => Promise<unknown> }
  const a = change.order.attributes

  const before = await readOrder(query, change.orderId)
  if (!before) return "none"
  const live = (before.fulfillments ?? []).filter((f: any) => !f.canceled_at)
  const followUp = kaspiStatusToMedusaAction(a, {
    status: before.status,
    fulfillments: live.map((f: any) => ({ shipped: Boolean(f.shipped_at), delivered: Boolean(f.delivered_at) })),
  })

  await orderModule.updateOrders(change.orderId, {
    metadata: {
      ...(before.metadata ?? {}),
      kaspi_status: a.status,
      kaspi_state: a.state,
      kaspi_cancellation_reason: a.cancellationReason ?? null,
      kaspi_last_change_origin: KASPI_ORIGIN,
      kaspi_last_change_status: a.status,
    },
  })

  const log = (type: string, result: "ok" | "error" | "info", message: string) =>
    kaspi.logKaspiEvent({
      account_id: change.accountId,
      kaspi_order_id: change.kaspiOrderId,
      kaspi_code: change.order.code,
      type,
      result,
      message,
      data: { from: change.previousStatus, to: a.status, state: a.state, medusa_order_id: change.orderId },
    })

  await log("kaspi.status_changed", "info", `${change.previousStatus} → ${a.status}${a.cancellationReason ? ` (${a.cancellationReason})` : ""}`)

  try {
    if (followUp.action === "cancel") {
      for (const f of live) {
        await cancelOrderFulfillmentWorkflow(container).run({ input: { order_id: change.orderId, fulfillment_id: f.id, no_notification: true } })
      }
      await cancelOrderWorkflow(container).run({ input: { order_id: change.orderId, no_notification: true, canceled_by: KASPI_ORIGIN } })
      await log("medusa.order_canceled", "ok", `Medusa order cancelled: ${followUp.reason}`)
    } else if (followUp.action === "complete") {
      await completeMedusaOrder(container, change.orderId, KASPI_ORIGIN)
      await log("medusa.order_completed", "ok", `Medusa order delivered and completed: ${followUp.reason}`)
    } else if (followUp.action === "record") {
      await log("medusa.attention", "error", followUp.reason)
    }
  } catch (e) {
    await log("medusa.follow_up_failed", "error", `Could not bring the Medusa order along (${followUp.action}): ${(e as Error).message}`)
  }
  return followUp.action
}
