// GET /v2/orderentries/{id} (a.5), …/product (a.6), …/deliveryPointOfService (a.8).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { entryResource, masterProductResource, pointOfServiceResource, single } from "../json-api"

export const ENTRY_NOT_FOUND = "Order entry not found"

export function getEntry(ctx: ApiContext): ApiResult {
  const found = ctx.store.findEntry(ctx.shop, ctx.params.id)
  if (!found) return fail(404, ENTRY_NOT_FOUND, `No order entry with id ${ctx.params.id}`)
  return ok(single(entryResource(ctx.render, found.order, found.entry)))
}

export function getEntryProduct(ctx: ApiContext): ApiResult {
  const found = ctx.store.findEntry(ctx.shop, ctx.params.id)
  if (!found) return fail(404, ENTRY_NOT_FOUND, `No order entry with id ${ctx.params.id}`)
  const e = found.entry
  return ok(single(masterProductResource(ctx.render, e.productCode, { name: e.name, manufacturer: e.manufacturer, categoryTitle: e.category.title })))
}

export function getEntryPointOfService(ctx: ApiContext): ApiResult {
  const found = ctx.store.findEntry(ctx.shop, ctx.params.id)
  if (!found) return fail(404, ENTRY_NOT_FOUND, `No order entry with id ${ctx.params.id}`)
  const store = ctx.store.storeInfo(ctx.shop, found.entry.storeId)
  // The same id form as the entry's deliveryPointOfService relationship (API.md a.8).
  return ok(single(pointOfServiceResource(ctx.render, ctx.shop.merchantId, store, found.order.variants.pointOfServiceId)))
}
