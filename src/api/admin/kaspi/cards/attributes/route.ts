import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
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
  const accountId = kaspi.getAccount(q.account_id).id
  const { classification } = kaspi.cards()
  const categories = await classification.categories(accountId, q.refresh)
  if (!categories.data.some((c) => c.code === q.category)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `category: "${q.category}" is not a leaf category Kaspi lists`)
  }
  const { data, fetched_at } = await classification.attributes(accountId, q.category, q.refresh)
  const attributes: KaspiCardAttributeView[] = []
  for (const a of [...data].sort((x, y) => Number(y.mandatory) - Number(x.mandatory))) {
    const view: KaspiCardAttributeView = { code: a.code, type: a.type, multiValued: a.multiValued, mandatory: a.mandatory }
    if (a.type === "enum") view.values = (await classification.values(accountId, q.category, a.code, q.refresh)).data
    attributes.push(view)
  }
  res.json({ category: q.category, attributes, fetched_at })
}
