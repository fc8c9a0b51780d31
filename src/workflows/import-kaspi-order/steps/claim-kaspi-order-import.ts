import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiImportClaimedFrom } from "../../../modules/kaspi/types"

/** Takes the order for this attempt (database compare-and-set); null when someone else has it or it is done. */
export const claimKaspiOrderImportStep = createStep(
  "claim-kaspi-order-import",
  async (input: { kaspi_order_id: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const claim = await kaspi.claimKaspiOrderImport(input.kaspi_order_id, kaspi.getResolvedOptions().orders.importLeaseSeconds)
    return new StepResponse({ claimed: Boolean(claim), previous_import_status: claim?.previous_import_status ?? null }, claim)
  },
  async (claim, { container }) => {
    if (!claim) return
    // Give the order back as it was; the caller records why the attempt failed.
    await container
      .resolve<KaspiModuleService>(KASPI_MODULE)
      .undoKaspiOrderImportClaim(claim.id, claim.previous_import_status as KaspiImportClaimedFrom)
  }
)
