import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { toCardView } from "../../../../../../lib/cards/card-rows"
import type { AdminKaspiProductCardsType } from "../../validators"
import type { AdminKaspiProductCardsResponse } from "../../../../../../types"

/** GET /admin/kaspi/cards/products/:id: the product's cards on Kaspi (one per variant sent), and their category. */
export async function GET(req: MedusaRequest<unknown, AdminKaspiProductCardsType>, res: MedusaResponse<AdminKaspiProductCardsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiProductCardsType
  const rows = await kaspi.listKaspiCards({ account_id: kaspi.getAccount(q.account_id).id, product_id: req.params.id }, { order: { updated_at: "DESC" } })
  const cards = rows.map(toCardView)
  res.json({ product_id: req.params.id, category: cards[0]?.category ?? null, cards })
}
