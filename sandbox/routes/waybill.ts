// GET /shop/api/waybill/{token}: the Kaspi Delivery waybill PDF (published after ASSEMBLE).

import { fail, type ApiContext, type ApiResult } from "../http"
import { waybillPdf } from "../pdf"

export function getWaybill(ctx: ApiContext): ApiResult {
  const order = ctx.store.findWaybill(ctx.shop, ctx.params.token)
  const number = order?.kaspiDelivery?.waybillNumber
  if (!order || !number) return fail(404, "Waybill not found")
  const pdf = waybillPdf({ code: order.code, waybillNumber: number, numberOfSpace: order.numberOfSpace, merchantId: order.merchantId, city: order.cityCode })
  return {
    status: 200,
    raw: pdf,
    contentType: "application/pdf",
    headers: { "Content-Disposition": `inline; filename="waybill-${number}.pdf"` },
  }
}
