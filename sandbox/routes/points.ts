// GET /v2/pointofservices/{id} and /v2/pointofservices/{id}/city (a.8).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { cityResource, pointOfServiceResource, single } from "../json-api"
import { pointOfServiceIdOf } from "../ids"
import { cityByCode } from "../kazakh-data"
import type { StoreInfo } from "../order-factory"
import type { OrderVariants } from "../types"

export const POINT_NOT_FOUND = "Point of service not found"

/**
 * API.md a.0 (ids row), a.4, a.8: Kaspi shows a point's id as base64("<merchantId>_<storeId>") and,
 * in a real 2026 entries response, as the plain "16483752_PP1"; both must lead to the point.
 * The answer keeps the form that was asked for.
 */
function findPoint(ctx: ApiContext): { store: StoreInfo; form: OrderVariants["pointOfServiceId"] } | undefined {
  const id = ctx.params.id
  for (const s of ctx.shop.stores.values()) {
    if (id === `${ctx.shop.merchantId}_${s.storeId}`) return { store: s, form: "plain" }
    if (pointOfServiceIdOf(ctx.shop.merchantId, s.storeId) === id.replace(/=+$/, "")) return { store: s, form: "base64" }
  }
  return undefined
}

export function getPointOfService(ctx: ApiContext): ApiResult {
  const p = findPoint(ctx)
  if (!p) return fail(404, POINT_NOT_FOUND, `No point of service with id ${ctx.params.id}`)
  return ok(single(pointOfServiceResource(ctx.render, ctx.shop.merchantId, p.store, p.form)))
}

export function getPointOfServiceCity(ctx: ApiContext): ApiResult {
  const p = findPoint(ctx)
  if (!p) return fail(404, POINT_NOT_FOUND, `No point of service with id ${ctx.params.id}`)
  const city = cityByCode(p.store.cityCode)
  if (!city) return fail(404, "City not found")
  return ok(single(cityResource(ctx.render, city)))
}
