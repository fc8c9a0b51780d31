import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { setupKaspiAccountWorkflow } from "../../../../../../workflows/setup-kaspi-account"

/**
 * POST /admin/kaspi/accounts/:id/setup: chooses or creates the region, sales
 * channel, stock location and shipping option Kaspi imports use (idempotent).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const accountId = kaspi.getAccount(req.params.id).id
  const { result: setup } = await setupKaspiAccountWorkflow(req.scope).run({ input: { account_id: accountId } })
  res.json({ setup })
}
