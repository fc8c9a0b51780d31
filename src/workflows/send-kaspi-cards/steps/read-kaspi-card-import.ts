import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { toCardImport } from "../../../lib/cards/card-rows"

/** The import as it stands after sending, in the admin's shape (types/admin-cards.ts). */
export const readKaspiCardImportStep = createStep("read-kaspi-card-import", async (id: string | null, { container }) => {
  if (!id) return new StepResponse(null)
  const [row] = await container.resolve<KaspiModuleService>(KASPI_MODULE).listKaspiCardImports({ id }, { take: 1 })
  return new StepResponse(row ? toCardImport(row) : null)
})
