// GET /v2/pointofservices/{id} and /v2/pointofservices/{id}/city (a.8).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { cityResource, pointOfServiceResource, single } from "../json-api"
import { pointOfServiceIdOf } from "../ids"
import { cityByCode } from "../kazakh-data"
import type { StoreInfo } from "../order-factory"

export const POINT_NOT_FOUND = "Point of service not found"

function findPoint(ctx: ApiContext): StoreInfo | undefined {
  for (const s of ctx.shop.stores.values()) {
    if (pointOfServiceIdOf(ctx.shop.merchantId, s.storeId) === ctx.params.id.replace(/=+$/, "")) return s
  }
  return undefined
}

export function getPointOfService(ctx: ApiContext): ApiResult {
  const s = findPoint(ctx)
  if (!s) return fail(404, POINT_NOT_FOUND, `No point of service with id ${ctx.params.id}`)
  return ok(single(pointOfServiceResource(ctx.render, ctx.shop.merchantId, s)))
}

export function getPointOfServiceCity(ctx: ApiContext): ApiResult {
  const s = findPoint(ctx)
  if (!s) return fail(404, POINT_NOT_FOUND, `No point of service with id ${ctx.params.id}`)
  const city = cityByCode(s.cityCode)
  if (!city) return fail(404, "City not found")
  return ok(single(cityResource(ctx.render, city)))
}
