import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { configuredAccountId } from "../../../configured-account"
import type { AdminKaspiConnectionResponse } from "../../../../../../types"

/**
 * POST /admin/kaspi/accounts/:id/test-connection: one authenticated read, with
 * a plain-language result for 401/403/timeouts. Always 200: the outcome is data.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<AdminKaspiConnectionResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const result = await kaspi.testConnection(configuredAccountId(kaspi, req.params.id))
  res.json({ connection: result })
}
