import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KaspiAttributeSource } from "../../lib/cards/card-types"
import { prepareKaspiCardsStep } from "./steps/prepare-kaspi-cards"
import { claimKaspiCardsStep } from "./steps/claim-kaspi-cards"
import { openKaspiCardImportStep } from "./steps/open-kaspi-card-import"
import { sendKaspiCardImportStep } from "./steps/send-kaspi-card-import"
import { readKaspiCardImportStep } from "./steps/read-kaspi-card-import"

export const SEND_KASPI_CARDS_WORKFLOW = "send-kaspi-cards"

export interface SendKaspiCardsInput {
  account_id: string
  product_ids: string[]
  /** A leaf category code from Kaspi's list ("Master - Smartphones"). */
  category: string
  /** Where each attribute's value comes from; the mapping saved for the category when left out. */
  sources?: Record<string, KaspiAttributeSource>
}

/**
 * Sends the products' variants to Kaspi as cards (API.md a.14): each mapped
 * and checked first (any problem refuses the whole send, INVALID_DATA naming
 * `sku: field — reason`, nothing claimed or sent), then the changed ones
 * claimed in the card ledger (an unchanged card is never sent twice, even by
 * two sends at once), recorded as one import and sent. Returns
 * `{ import, sent, unchanged }`: `import` is null when every card was
 * unchanged; its status is "uploaded", or "send_failed" with the error when
 * Kaspi failed (the cards can then be sent again). The job
 * follow-kaspi-card-imports follows it to its result.
 *
 * @example
 * const { result } = await sendKaspiCardsWorkflow(container).run({
 *   input: { account_id: "default", product_ids: ["prod_123"], category: "Master - Smartphones" },
 * })
 * // result.import?.status === "uploaded", result.sent: ["PHONE-1"], result.unchanged: []
 */
export const sendKaspiCardsWorkflow = createWorkflow(SEND_KASPI_CARDS_WORKFLOW, (input: SendKaspiCardsInput) => {
  const cards = prepareKaspiCardsStep(input)
  const claims = claimKaspiCardsStep(transform({ input, cards }, ({ input, cards }) => ({ account_id: input.account_id, cards })))
  const plan = transform({ input, cards, claims }, ({ input, cards, claims }) => {
    const claimed = new Set(claims.map((c) => c.sku))
    const sending = cards.filter((c) => claimed.has(c.sku))
    return {
      account_id: input.account_id,
      category: input.category,
      skus: sending.map((c) => c.sku),
      product_ids: [...new Set(sending.map((c) => c.product_id))],
      cards: sending.map((c) => c.card),
      unchanged: cards.filter((c) => !claimed.has(c.sku)).map((c) => c.sku),
    }
  })
  const importId = openKaspiCardImportStep(plan)
  const sent = sendKaspiCardImportStep(transform({ plan, importId }, ({ plan, importId }) => ({ account_id: plan.account_id, import_id: importId, cards: plan.cards })))
  const row = readKaspiCardImportStep(transform({ importId, sent }, ({ importId }) => importId))
  return new WorkflowResponse(
    transform({ plan, sent, row }, ({ plan, sent, row }) => ({ import: row, sent: sent.sent ? plan.skus : [], unchanged: plan.unchanged }))
  )
})
