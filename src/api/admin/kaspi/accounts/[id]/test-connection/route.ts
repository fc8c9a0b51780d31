import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"

/**
 * POST /admin/kaspi/accounts/:id/test-connection: one authenticated read, with
 * a plain-language result for 401/403/timeouts. Always 200: the outcome is data.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  if (!kaspi.listAccounts().some((a) => a.id === req.params.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi account "${req.params.id}" is configured`)
  }
  const result = await kaspi.testConnection(req.params.id)
  res.json({ connection: result })
}
