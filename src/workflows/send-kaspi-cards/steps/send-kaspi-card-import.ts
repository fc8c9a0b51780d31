import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import { KaspiApiError } from "../../../modules/kaspi/client"
import type KaspiModuleService from "../../../modules/kaspi/service"

/**
 * Sends the claimed cards as one import (`POST /products/import`, API.md a.14)
 * and stores Kaspi's code ("uploaded", followed by follow-kaspi-card-imports).
 * When Kaspi fails — unreachable, a refusal, no answer within
 * timeouts.productsMs — the import and its cards are "send_failed" with why
 * (sendable again), and the workflow says so instead of failing: nothing stays
 * "sending". The request is a write, never retried blindly (each accepted one
 * is another import).
 */
export const sendKaspiCardImportStep = createStep(
  "send-kaspi-card-import",
  async (input: { account_id: string; import_id: string | null; cards: object[] }, { container }) => {
    if (!input.import_id) return new StepResponse({ sent: false })
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const { ledger } = kaspi.cards()
    try {
      const client = await kaspi.getClient(input.account_id)
      const state = await client.content.importProducts(input.cards)
      await ledger.markUploaded(input.import_id, state)
      return new StepResponse({ sent: true })
    } catch (e) {
      if (!(e instanceof KaspiApiError)) throw e
      await ledger.markSendFailed(input.import_id, `${e.kind}: ${e.message}`)
      return new StepResponse({ sent: false })
    }
  }
)
