import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_FULFILLMENT_SET_NAME } from "./plan-kaspi-account-setup"

/**
 * The id of the location's "Kaspi" fulfilment set. Medusa's
 * createLocationFulfillmentSetWorkflow returns nothing, so the set it made is
 * read back here before its service zone is created. Read-only.
 */
export const findKaspiFulfillmentSetStep = createStep(
  "find-kaspi-fulfillment-set",
  async (input: { location_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "fulfillment_sets.id", "fulfillment_sets.name"],
      filters: { id: input.location_id },
    })
    const sets = ((data[0] as { fulfillment_sets?: Array<{ id: string; name: string }> | null } | undefined)?.fulfillment_sets ?? [])
    const set = sets.find((s) => s.name === KASPI_FULFILLMENT_SET_NAME)
    if (!set) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock location ${input.location_id} has no "${KASPI_FULFILLMENT_SET_NAME}" fulfilment set`)
    }
    return new StepResponse({ fulfillment_set_id: set.id })
  }
)
