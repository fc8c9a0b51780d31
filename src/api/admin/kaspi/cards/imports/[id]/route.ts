import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { toCardImport, toCardView } from "../../../../../../lib/cards/card-rows"
import type { AdminKaspiCardImportResponse } from "../../../../../../types"

/** GET /admin/kaspi/cards/imports/:id: one import, with the cards it still carries (a later send takes a card over). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiCardImportResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiCardImports({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Kaspi card import ${req.params.id} not found`)
  const cards = await kaspi.listKaspiCards({ import_id: row.id }, { order: { sku: "ASC" } })
  res.json({ import: toCardImport(row), cards: cards.map(toCardView) })
}
