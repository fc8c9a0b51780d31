import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { kaspiStatusToMedusaAction, type MedusaFollowUp } from "../../../lib/orders/kaspi-status-action"
import { MAX_FULFILLMENTS_PER_ORDER } from "../../complete-medusa-order/steps/plan-medusa-order-completion"
import { findKaspiReturn } from "../../open-medusa-return/steps/find-kaspi-return"
import { readUnrefundedPayments } from "../../record-kaspi-refund/steps/plan-kaspi-refund"

export interface KaspiStatusDecision {
  /** false when the linked Medusa order is gone: nothing is written */
  found: boolean
  action: MedusaFollowUp["action"]
  reason: string | null
  /** the order's metadata before this change (the loop-guard keys are added to it) */
  metadata: Record<string, unknown>
  /** fulfilments to cancel before the order (unshipped ones: a shipped one makes the answer "return") */
  cancel_fulfillment_ids: string[]
  /** a return ("return"): what of it is still to do (all false otherwise) */
  returns: { complete_first: boolean; open: boolean; receive: boolean; refund: boolean }
}

const NO_RETURN: KaspiStatusDecision["returns"] = { complete_first: false, open: false, receive: false, refund: false }

type OrderRead = {
  id: string
  status: string
  metadata?: Record<string, unknown> | null
  fulfillments?: Array<{ id: string; canceled_at: string | null; shipped_at: string | null; delivered_at: string | null }> | null
}

/**
 * Reads the Medusa order and asks the pure rule (lib/orders/kaspi-status-action)
 * what Kaspi's new status means for it. Read-only.
 */
export const decideKaspiStatusFollowUpStep = createStep(
  "decide-kaspi-status-follow-up",
  async (input: { order_id: string; kaspi_order_id: string; status: string; cancellation_reason: string | null }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "status", "metadata", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.shipped_at", "fulfillments.delivered_at"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRead | undefined
    if (!order) {
      return new StepResponse<KaspiStatusDecision>({ found: false, action: "none", reason: null, metadata: {}, cancel_fulfillment_ids: [], returns: NO_RETURN })
    }
    const live = (order.fulfillments ?? []).filter((f) => !f.canceled_at)
    const kaspiReturn = await findKaspiReturn(container, order.id, input.kaspi_order_id)
    const unrefunded = (await readUnrefundedPayments(container, order.id)).reduce((acc, p) => acc + Math.max(p.unrefunded, 0), 0)
    const followUp = kaspiStatusToMedusaAction(
      { status: input.status, cancellationReason: input.cancellation_reason },
      {
        status: order.status,
        fulfillments: live.map((f) => ({ shipped: Boolean(f.shipped_at), delivered: Boolean(f.delivered_at) })),
        kaspiReturn: kaspiReturn ? { received: kaspiReturn.received } : null,
        unrefunded,
      }
    )
    const cancelIds = followUp.action === "cancel" ? live.map((f) => f.id) : []
    if (cancelIds.length > MAX_FULFILLMENTS_PER_ORDER) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${order.id} has ${cancelIds.length} fulfilments; the plugin cancels at most ${MAX_FULFILLMENTS_PER_ORDER}: cancel them in Medusa`
      )
    }
    return new StepResponse<KaspiStatusDecision>({
      found: true,
      action: followUp.action,
      reason: followUp.action === "none" ? null : followUp.reason,
      metadata: order.metadata ?? {},
      cancel_fulfillment_ids: cancelIds,
      returns:
        followUp.action === "return"
          ? { complete_first: followUp.complete_first, open: followUp.open, receive: followUp.receive, refund: followUp.refund }
          : NO_RETURN,
    })
  }
)
