import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiAccountsResponse } from "../../../../types"

/** GET /admin/kaspi/accounts: the configured Kaspi shops (never their tokens). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiAccountsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const accounts = await kaspi.describeAccounts()
  res.json({ accounts, count: accounts.length })
}
