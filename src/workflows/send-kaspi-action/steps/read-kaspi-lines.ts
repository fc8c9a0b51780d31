import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiLine } from "../../../lib/orders/kaspi-lines-plan"

export interface KaspiLinesNow {
  entries: KaspiLine[]
  total: number
}

/**
 * Kaspi's lines and total as they stand, read once Kaspi has taken the
 * completion: a line cut in the cabinet while the completion waited in the
 * outbox (API.md a.12) must reach the Medusa order before it is completed,
 * since a completed order can no longer be edited to follow it. Null when
 * Kaspi no longer finds the order. Read-only: nothing to undo.
 */
export const readKaspiLinesStep = createStep(
  "read-kaspi-lines",
  async (input: { account_id: string; code: string }, { container }) => {
    const client = await container.resolve<KaspiModuleService>(KASPI_MODULE).getClient(input.account_id)
    const order = await client.getWholeOrderByCode(input.code)
    if (!order) return new StepResponse<KaspiLinesNow | null>(null)
    return new StepResponse<KaspiLinesNow | null>({
      entries: order.entries.map((e) => ({ id: e.id, quantity: e.attributes.quantity })),
      total: order.attributes.totalPrice,
    })
  }
)
