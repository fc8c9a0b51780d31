import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../../modules/kaspi/service"
import { askKaspiAboutCardImport } from "../../../../../../../lib/cards/follow-kaspi-card-imports"
import { toCardImport, toCardView } from "../../../../../../../lib/cards/card-rows"
import type { AdminKaspiCardImportResponse } from "../../../../../../../types"

/**
 * POST /admin/kaspi/cards/imports/:id/refresh: asks Kaspi now where an import
 * still with Kaspi is (the job asks every `cards.followEverySeconds`), and
 * answers the import with its cards. One status question, plus the result
 * once Kaspi has finished; an import already settled is answered as it is.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<AdminKaspiCardImportResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const find = async () => (await kaspi.listKaspiCardImports({ id: req.params.id }, { take: 1 }))[0]
  const row = await find()
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Kaspi card import ${req.params.id} not found`)
  if ((row.status === "uploaded" || row.status === "unknown") && row.import_code && !row.error) {
    await askKaspiAboutCardImport(kaspi, { id: row.id, account_id: row.account_id, import_code: row.import_code })
  }
  const now = (await find())!
  const cards = await kaspi.listKaspiCards({ import_id: now.id }, { order: { sku: "ASC" } })
  res.json({ import: toCardImport(now), cards: cards.map(toCardView) })
}
