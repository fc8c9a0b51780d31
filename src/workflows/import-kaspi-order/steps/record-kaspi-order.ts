import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type { KaspiOrder } from "../../../modules/kaspi/client"
import type KaspiModuleService from "../../../modules/kaspi/service"

export interface RecordKaspiOrderInput {
  account_id: string
  order: KaspiOrder
}

/**
 * Writes (or refreshes) the kaspi_order row first, before anything else: the
 * unique index on (account_id, kaspi_id) is what makes the import happen once.
 * The row is deliberately kept when a later step fails, so the order stays
 * visible with its reason and can be retried; hence no compensation.
 */
export const recordKaspiOrderStep = createStep(
  "record-kaspi-order",
  async (input: RecordKaspiOrderInput, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const row = await kaspi.upsertKaspiOrderRecord(input.account_id, input.order)
    return new StepResponse(row)
  }
)
