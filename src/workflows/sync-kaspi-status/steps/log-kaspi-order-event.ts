import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiEventInput } from "../../../modules/kaspi/types"

/** Appends to the Kaspi order's history. No compensation: the history says what was tried, also when it was undone. */
export const logKaspiOrderEventStep = createStep("log-kaspi-order-event", async (input: KaspiEventInput, { container }) => {
  await container.resolve<KaspiModuleService>(KASPI_MODULE).logKaspiEvent(input)
  return new StepResponse(input.type)
})
