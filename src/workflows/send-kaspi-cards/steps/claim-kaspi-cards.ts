import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiCardClaim, KaspiCardToClaim } from "../../../modules/kaspi/services/kaspi-card-ledger"

/**
 * Claims the cards that changed since they were last sent (or whose last send
 * Kaspi did not take); the others are unchanged and not sent again. Undone,
 * the claimed cards go back to what they were.
 */
export const claimKaspiCardsStep = createStep(
  "claim-kaspi-cards",
  async (input: { account_id: string; cards: KaspiCardToClaim[] }, { container }) => {
    const claims = await container.resolve<KaspiModuleService>(KASPI_MODULE).cards().ledger.claim(input.account_id, input.cards)
    return new StepResponse(claims, { account_id: input.account_id, claims })
  },
  async (undo, { container }) => {
    if (undo?.claims.length) await container.resolve<KaspiModuleService>(KASPI_MODULE).cards().ledger.release(undo.account_id, undo.claims as KaspiCardClaim[])
  }
)
