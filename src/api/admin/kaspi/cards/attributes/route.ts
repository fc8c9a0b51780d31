import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import type { AdminKaspiCardAttributesType } from "../validators"
import type { AdminKaspiCardAttributesResponse, KaspiCardAttributeView } from "../../../../../types"

/**
 * GET /admin/kaspi/cards/attributes: a leaf category's attributes, mandatory
 * first, each enum with Kaspi's recommended values (API.md a.14), from the
 * cache. A category Kaspi does not list as a leaf: 400.
 */
export async function GET(req: MedusaRequest<unknown, AdminKaspiCardAttributesType>, res: MedusaResponse<AdminKaspiCardAttributesResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiCardAttributesType
  const { data, fetched_at } = await kaspi.cards().classification.leafCategory(kaspi.getAccount(q.account_id).id, q.category, q.refresh)
  const attributes: KaspiCardAttributeView[] = [...data]
    .sort((x, y) => Number(y.mandatory) - Number(x.mandatory))
    .map((a) => ({ code: a.code, type: a.type, multiValued: a.multiValued, mandatory: a.mandatory, ...(a.values ? { values: a.values } : {}) }))
  res.json({ category: q.category, attributes, fetched_at })
}
