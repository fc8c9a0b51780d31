import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import type { AdminRunKaspiCheckType } from "../../../validators"
import { configuredAccountId } from "../../../configured-account"
import type { AdminKaspiCheckResponse } from "../../../../../../types"

/** GET /admin/kaspi/accounts/:id/check: the last compatibility check of this shop, or null. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiCheckResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  res.json({ check: await kaspi.getLatestKaspiCheck(configuredAccountId(kaspi, req.params.id)) })
}

/**
 * POST /admin/kaspi/accounts/:id/check: runs the read-only Kaspi compatibility
 * check now and stores it. Always 200: a failed probe is data, not an error.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRunKaspiCheckType>, res: MedusaResponse<AdminKaspiCheckResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const id = configuredAccountId(kaspi, req.params.id)
  const body = req.validatedBody ?? {}
  const check = await kaspi.runKaspiCheck(id, { timeoutMs: body.timeout_ms, latencyLimitMs: body.latency_limit_ms })
  res.json({ check })
}
