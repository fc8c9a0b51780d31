import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { kaspiStatusToMedusaAction } from "../orders/kaspi-status-action"
import { syncKaspiStatusWorkflow } from "../../workflows/sync-kaspi-status"

export interface KaspiStatusChange {
  accountId: string
  kaspiOrderId: string
  orderId: string
  previousStatus: string
  order: KaspiOrder
}

/**
 * Runs syncKaspiStatusWorkflow for one Kaspi-side status change of an imported
 * order. A follow-up Medusa refuses (the workflow has undone it) is written
 * into the order's history instead of stopping the sync: the next order must
 * still be read. Returns what the Medusa order did.
 */
export async function applyKaspiStatusChange(container: MedusaContainer, change: KaspiStatusChange): Promise<string> {
  const a = change.order.attributes
  try {
    const { result } = await syncKaspiStatusWorkflow(container).run({
      input: {
        account_id: change.accountId,
        kaspi_order_id: change.kaspiOrderId,
        kaspi_code: change.order.code,
        order_id: change.orderId,
        previous_status: change.previousStatus,
        status: a.status,
        state: a.state,
        cancellation_reason: a.cancellationReason ?? null,
      },
    })
    return result.action
  } catch (e) {
    // The follow-up that was being attempted: what Kaspi's status asks of an order still open in Medusa.
    const attempted = kaspiStatusToMedusaAction(a, { status: "pending", fulfillments: [] }).action
    await container.resolve<KaspiModuleService>(KASPI_MODULE).logKaspiEvent({
      account_id: change.accountId,
      kaspi_order_id: change.kaspiOrderId,
      kaspi_code: change.order.code,
      type: "medusa.follow_up_failed",
      result: "error",
      message: `Could not bring the Medusa order along (${attempted}): ${(e as Error).message}`,
      text: { code: "medusa.follow_up_failed", params: { action: attempted, error: (e as Error).message } },
      data: { from: change.previousStatus, to: a.status, state: a.state, medusa_order_id: change.orderId },
    })
    return attempted
  }
}
