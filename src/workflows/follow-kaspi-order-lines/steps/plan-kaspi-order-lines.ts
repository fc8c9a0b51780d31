import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planKaspiLines, type KaspiLine, type KaspiLinesPlan } from "../../../lib/orders/kaspi-lines-plan"
import type { MedusaOrderLinesEdit } from "../../reduce-medusa-order-line/edit-medusa-order-lines"

export interface KaspiOrderLinesPlan {
  lines: KaspiLinesPlan
  edit: MedusaOrderLinesEdit
}

type OrderRead = {
  id: string
  total: BigNumberInput
  items?: Array<{ id: string; title: string | null; quantity: BigNumberInput; metadata?: Record<string, unknown> | null }> | null
  payment_collections?: Array<{ payments?: Array<{ id: string; captured_at: string | null }> | null }> | null
}

/**
 * Reads the Medusa order's lines and decides (planKaspiLines) which follow
 * Kaspi's entries. Read-only; throws when the order does not exist.
 */
export const planKaspiOrderLinesStep = createStep(
  "plan-kaspi-order-lines",
  async (input: { order_id: string; kaspi_entries: KaspiLine[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "total", "items.*", "payment_collections.payments.id", "payment_collections.payments.captured_at"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRead | undefined
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${input.order_id} was not found`)
    const lines = planKaspiLines(
      (order.items ?? []).map((i) => ({
        id: i.id,
        title: i.title ?? i.id,
        quantity: MathBN.convert(i.quantity).toNumber(),
        kaspi_entry_id: typeof i.metadata?.kaspi_entry_id === "string" ? i.metadata.kaspi_entry_id : null,
      })),
      input.kaspi_entries
    )
    const payment = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []).find((p) => p.captured_at)
    return new StepResponse<KaspiOrderLinesPlan>({
      lines,
      edit: {
        order_id: order.id,
        items: lines.reductions.map((r) => ({ id: r.item_id, quantity: r.to })),
        total_before: MathBN.convert(order.total).toNumber(),
        captured_payment_id: payment?.id ?? null,
      },
    })
  }
)
