import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import { printHandover } from "../../../../lib/handover/print-handover"
import type { AdminKaspiHandoverResponse } from "../../../../types"
import type { AdminPrintKaspiHandoverType } from "../validators"

/**
 * POST /admin/kaspi/handover: one PDF for the Kaspi courier — the waybills of
 * the chosen orders laid out for the printer, then the hand-over sheet both
 * sides sign. Orders that cannot be printed are listed with the reason, in the
 * answer and on the sheet.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPrintKaspiHandoverType>, res: MedusaResponse<AdminKaspiHandoverResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const account = kaspi.getAccount(body.account_id)
  const handover = await printHandover(req.scope, {
    accountId: account.id,
    kaspiOrderIds: body.kaspi_order_ids,
    date: body.date,
    layout: body.layout,
    language: body.language,
    shop: account.name ? `${account.name} (Kaspi ${account.merchantId})` : `Kaspi ${account.merchantId}`,
  })
  res.json({ handover })
}
