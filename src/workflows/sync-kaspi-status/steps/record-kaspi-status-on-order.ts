import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Writes Kaspi's status onto the Medusa order's metadata, with the loop guard
 * (`kaspi_last_change_origin`, `kaspi_last_change_status`) that keeps the
 * outbound subscribers from sending the change back to Kaspi. Written before
 * the Medusa change, whose events the subscribers read it on. No
 * compensation: it records what Kaspi did, which stays true when Medusa
 * cannot follow (and the guard must then still stop a later manual
 * cancellation from being sent to Kaspi, which has it already).
 */
export const recordKaspiStatusOnOrderStep = createStep(
  "record-kaspi-status-on-order",
  async (input: { order_id: string; metadata: Record<string, unknown> }, { container }) => {
    await container.resolve(Modules.ORDER).updateOrders(input.order_id, { metadata: input.metadata })
    return new StepResponse(input.metadata)
  }
)
