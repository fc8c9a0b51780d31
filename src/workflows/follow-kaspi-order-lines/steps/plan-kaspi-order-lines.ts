import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planKaspiLines, type KaspiLine, type KaspiLinesPlan } from "../../../lib/orders/kaspi-lines-plan"
import type { MedusaOrderLinesEdit } from "../../reduce-medusa-order-line/edit-medusa-order-lines"
import { readMedusaOrderLines } from "../../reduce-medusa-order-line/steps/read-medusa-order-lines"

export interface KaspiOrderLinesPlan {
  lines: KaspiLinesPlan
  edit: MedusaOrderLinesEdit
}

/**
 * Reads the Medusa order's lines and decides (planKaspiLines) which follow
 * Kaspi's entries. Read-only; throws when the order does not exist.
 */
export const planKaspiOrderLinesStep = createStep(
  "plan-kaspi-order-lines",
  async (input: { order_id: string; kaspi_entries: KaspiLine[] }, { container }) => {
    const order = await readMedusaOrderLines(container, input.order_id)
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${input.order_id} was not found`)
    const lines = planKaspiLines(
      order.items.map((i) => ({
        id: i.id,
        title: i.title ?? i.id,
        quantity: MathBN.convert(i.quantity).toNumber(),
        kaspi_entry_id: typeof i.metadata?.kaspi_entry_id === "string" ? i.metadata.kaspi_entry_id : null,
      })),
      input.kaspi_entries
    )
    return new StepResponse<KaspiOrderLinesPlan>({
      lines,
      edit: {
        order_id: order.id,
        items: lines.reductions.map((r) => ({ id: r.item_id, quantity: r.to })),
        total_before: order.total,
        captured_payment_id: order.captured_payment_id,
      },
    })
  }
)
