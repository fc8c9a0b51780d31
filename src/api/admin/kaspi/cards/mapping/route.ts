import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import type { AdminKaspiCardMappingType, AdminSaveKaspiCardMappingType } from "../validators"
import type { AdminKaspiCardMappingResponse } from "../../../../../types"

/** GET /admin/kaspi/cards/mapping: the attribute mapping saved for a category ({} when none). */
export async function GET(req: MedusaRequest<unknown, AdminKaspiCardMappingType>, res: MedusaResponse<AdminKaspiCardMappingResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiCardMappingType
  const sources = await kaspi.cards().mappings.get(kaspi.getAccount(q.account_id).id, q.category)
  res.json({ category: q.category, sources: sources ?? {} })
}

/** POST /admin/kaspi/cards/mapping: saves a category's mapping whole (where each attribute's value comes from). */
export async function POST(req: MedusaRequest<AdminSaveKaspiCardMappingType>, res: MedusaResponse<AdminKaspiCardMappingResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const sources = await kaspi.cards().mappings.save(kaspi.getAccount(body.account_id).id, body.category, body.sources)
  res.json({ category: body.category, sources })
}
