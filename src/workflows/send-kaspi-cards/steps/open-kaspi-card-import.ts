import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"

export interface OpenKaspiCardImportInput {
  account_id: string
  category: string
  skus: string[]
  product_ids: string[]
}

/**
 * The import row ("sending") for the claimed cards, before the request leaves:
 * a sender that dies mid-request leaves a trace. None when nothing was claimed.
 * Undone, the row says the send failed (the claim's own undo restores the cards).
 */
export const openKaspiCardImportStep = createStep(
  "open-kaspi-card-import",
  async (input: OpenKaspiCardImportInput, { container }) => {
    if (!input.skus.length) return new StepResponse(null, null)
    const id = await container.resolve<KaspiModuleService>(KASPI_MODULE).cards().ledger.openImport(input.account_id, input)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<KaspiModuleService>(KASPI_MODULE).cards().ledger.markSendFailed(id, "not sent: the send workflow failed", { cards: false })
  }
)
