import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { KASPI_CARD_RESENDABLE, type KaspiCardState } from "../../../../../modules/kaspi/models"
import { prepareKaspiCards } from "../../../../../lib/cards/prepare-kaspi-cards"
import type { AdminKaspiCardsSendType } from "../validators"
import type { AdminKaspiCardsPreviewResponse } from "../../../../../types"

/**
 * POST /admin/kaspi/cards/preview: each variant's card as it would be sent,
 * with its problems (the schema check, API.md a.14) and warnings, and whether
 * the same card was already sent. Nothing is claimed or sent.
 */
export async function POST(req: MedusaRequest<AdminKaspiCardsSendType>, res: MedusaResponse<AdminKaspiCardsPreviewResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountId = kaspi.getAccount(body.account_id).id
  const cards = await prepareKaspiCards(req.scope, { ...body, account_id: accountId })
  const skus = cards.map((c) => c.sku).filter(Boolean)
  const sent = skus.length ? await kaspi.listKaspiCards({ account_id: accountId, sku: skus }, { select: ["sku", "card_hash", "state"] }) : []
  const same = (sku: string, hash: string | null) =>
    sent.some((s) => s.sku === sku && s.card_hash === hash && !KASPI_CARD_RESENDABLE.includes(s.state as KaspiCardState))
  res.json({
    cards: cards.map(({ card_hash, ...c }) => ({ ...c, unchanged: c.ok && same(c.sku, card_hash) })),
  })
}
