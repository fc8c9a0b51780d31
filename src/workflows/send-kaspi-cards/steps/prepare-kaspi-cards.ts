import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { describeCardProblems, prepareKaspiCards, type PrepareKaspiCardsInput } from "../../../lib/cards/prepare-kaspi-cards"
import type { KaspiCardToClaim } from "../../../modules/kaspi/services/kaspi-card-ledger"

/**
 * Every variant mapped to its card and checked against Kaspi's import schema
 * (API.md a.14). Bad input is refused here, before anything is claimed or
 * sent: the error names each SKU's field and why.
 */
export const prepareKaspiCardsStep = createStep("prepare-kaspi-cards", async (input: PrepareKaspiCardsInput, { container }) => {
  const cards = await prepareKaspiCards(container, input)
  if (!cards.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "product_ids: the products have no variants to send")
  const problems = describeCardProblems(cards)
  if (problems) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems)
  return new StepResponse(
    cards.map((c): KaspiCardToClaim => ({ product_id: c.product_id, variant_id: c.variant_id, sku: c.sku, category: input.category, card: c.card!, card_hash: c.card_hash! }))
  )
})
