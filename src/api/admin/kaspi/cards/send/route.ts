import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { sendKaspiCardsWorkflow } from "../../../../../workflows/send-kaspi-cards"
import type { AdminKaspiCardsSendType } from "../validators"
import type { AdminKaspiCardsSendResponse } from "../../../../../types"

/**
 * POST /admin/kaspi/cards/send: the products' cards sent as one import
 * (sendKaspiCardsWorkflow). Bad input is a 400 naming each SKU's field, with
 * nothing sent; a Kaspi failure is a 200 whose import is "send_failed" with why.
 */
export async function POST(req: MedusaRequest<AdminKaspiCardsSendType>, res: MedusaResponse<AdminKaspiCardsSendResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const { result } = await sendKaspiCardsWorkflow(req.scope).run({ input: { ...body, account_id: kaspi.getAccount(body.account_id).id } })
  res.json(result)
}
