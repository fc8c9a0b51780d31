import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { toCardImport } from "../../../../../lib/cards/card-rows"
import type { AdminListKaspiCardImportsType } from "../validators"
import type { AdminKaspiCardImportsResponse } from "../../../../../types"

/** GET /admin/kaspi/cards/imports: a shop's card imports, newest first; `product_id` keeps those that carried it. */
export async function GET(req: MedusaRequest<unknown, AdminListKaspiCardImportsType>, res: MedusaResponse<AdminKaspiCardImportsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiCardImportsType
  const { rows, count } = await kaspi.cards().ledger.listImports(kaspi.getAccount(q.account_id).id, { productId: q.product_id, limit: q.limit, offset: q.offset })
  res.json({ imports: rows.map(toCardImport), count })
}
