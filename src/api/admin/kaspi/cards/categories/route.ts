import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import type { AdminKaspiCardCategoriesType } from "../validators"
import type { AdminKaspiCardCategoriesResponse } from "../../../../../types"

/**
 * GET /admin/kaspi/cards/categories: Kaspi's leaf categories (API.md a.14),
 * from the cache (`refresh` reads them again), filtered by `q` on code or
 * title, ignoring case.
 */
export async function GET(req: MedusaRequest<unknown, AdminKaspiCardCategoriesType>, res: MedusaResponse<AdminKaspiCardCategoriesResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiCardCategoriesType
  const { data, fetched_at } = await kaspi.cards().classification.categories(kaspi.getAccount(q.account_id).id, q.refresh)
  const needle = q.q?.toLowerCase()
  const matching = needle ? data.filter((c) => c.code.toLowerCase().includes(needle) || (c.title ?? "").toLowerCase().includes(needle)) : data
  res.json({ categories: matching.slice(0, q.limit).map((c) => ({ code: c.code, title: c.title })), count: matching.length, fetched_at })
}
