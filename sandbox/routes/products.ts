// GET /v2/masterproducts/{id} and /v2/masterproducts/{id}/merchantProduct (a.7).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { decodeId } from "../ids"
import { masterProductResource, merchantProductResource, single } from "../json-api"

export const PRODUCT_NOT_FOUND = "Product not found"

function findProduct(ctx: ApiContext) {
  const code = decodeId(ctx.params.id)
  const p = code === null ? undefined : ctx.shop.products.get(code)
  return code !== null && p ? { code, p } : null
}

export function getMasterProduct(ctx: ApiContext): ApiResult {
  const found = findProduct(ctx)
  if (!found) return fail(404, PRODUCT_NOT_FOUND, `No master product with id ${ctx.params.id}`)
  return ok(single(masterProductResource(ctx.render, found.code, found.p)))
}

export function getMerchantProduct(ctx: ApiContext): ApiResult {
  const found = findProduct(ctx)
  if (!found) return fail(404, PRODUCT_NOT_FOUND, `No master product with id ${ctx.params.id}`)
  return ok(single(merchantProductResource(ctx.render, ctx.shop.merchantId, found.p)))
}
