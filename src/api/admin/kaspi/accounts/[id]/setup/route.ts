import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../../../../../workflows/setup/ensure-kaspi-account-setup"

/**
 * POST /admin/kaspi/accounts/:id/setup: chooses or creates the region, sales
 * channel, stock location and shipping option Kaspi imports use (idempotent).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const accountId = kaspi.getAccount(req.params.id).id
  const setup = await ensureKaspiAccountSetup(req.scope, accountId)
  res.json({ setup })
}
