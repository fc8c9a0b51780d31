// GET /v2/orders/{id} (a.3), /v2/orders/{id}/entries (a.4), /v2/orders/{id}/user.

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { customerResource, entryResource, list, orderResource, single } from "../json-api"

export const ORDER_NOT_FOUND = "Order not found"

export function getOrder(ctx: ApiContext): ApiResult {
  const o = ctx.store.findOrder(ctx.shop, ctx.params.id)
  if (!o) return fail(404, ORDER_NOT_FOUND, `No order with id ${ctx.params.id}`)
  const includes = (ctx.query.get("include[orders]") ?? "").split(",").map((s) => s.trim())
  const withEntries = includes.includes("entries")
  const included = [
    ...(withEntries ? o.entries.map((e) => entryResource(ctx.render, o, e)) : []),
    ...(includes.includes("user") ? [customerResource(ctx.render, o)] : []),
  ]
  return ok(single(orderResource(ctx.render, o, { entriesData: withEntries }), included))
}

export function getOrderEntries(ctx: ApiContext): ApiResult {
  const o = ctx.store.findOrder(ctx.shop, ctx.params.id)
  if (!o) return fail(404, ORDER_NOT_FOUND, `No order with id ${ctx.params.id}`)
  return ok(list(o.entries.map((e) => entryResource(ctx.render, o, e)), []))
}

export function getOrderUser(ctx: ApiContext): ApiResult {
  const o = ctx.store.findOrder(ctx.shop, ctx.params.id)
  if (!o) return fail(404, ORDER_NOT_FOUND, `No order with id ${ctx.params.id}`)
  return ok(single(customerResource(ctx.render, o)))
}
