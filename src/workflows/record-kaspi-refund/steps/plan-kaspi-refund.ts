import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface KaspiRefundPlan {
  /** the captured payment the refund is recorded on (null: none is captured) */
  payment_id: string | null
  /** captured and not refunded yet on that payment: what is recorded (0: nothing is) */
  amount: number
}

type PaymentRead = {
  id: string
  captures?: Array<{ amount: BigNumberInput }> | null
  refunds?: Array<{ amount: BigNumberInput }> | null
}

const sum = (rows: Array<{ amount: BigNumberInput }> | null | undefined) => (rows ?? []).reduce((acc, r) => MathBN.add(acc, r.amount), MathBN.convert(0))

/** Captured minus refunded, per payment of the order. Also read by the status sync's decision. */
export async function readUnrefundedPayments(container: MedusaContainer, orderId: string): Promise<Array<{ id: string; unrefunded: number }>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
    filters: { id: orderId },
  })
  const order = data[0] as { payment_collections?: Array<{ payments?: PaymentRead[] | null }> | null } | undefined
  return (order?.payment_collections ?? [])
    .flatMap((pc) => pc.payments ?? [])
    .map((p) => ({ id: p.id, unrefunded: MathBN.sub(sum(p.captures), sum(p.refunds)).toNumber() }))
}

/**
 * Says what of the order's captured money is not refunded yet: Kaspi gives the
 * buyer back what they paid, so that is what Medusa records, never more than
 * captured, and nothing once it is all refunded. Read-only.
 */
export const planKaspiRefundStep = createStep("plan-kaspi-refund", async (input: { order_id: string }, { container }) => {
  // A Kaspi order has one payment (the import records Kaspi's capture); should there be more, the fullest.
  const [payment] = (await readUnrefundedPayments(container, input.order_id)).sort((a, b) => b.unrefunded - a.unrefunded)
  return new StepResponse<KaspiRefundPlan>(
    payment && payment.unrefunded > 0 ? { payment_id: payment.id, amount: payment.unrefunded } : { payment_id: null, amount: 0 }
  )
})
