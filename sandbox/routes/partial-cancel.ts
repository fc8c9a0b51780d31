// Partial cancellation (a.12): POST /v2/orderEntryCancelOperation (one line) and
// PUT /shop/api/orderPartialCancel/{orderId} (several lines, incl. PRODUCT_UNDERWEIGHT).

import { fail, isObject, ok, type ApiContext, type ApiResult } from "../http"
import { encodeId } from "../ids"
import { single } from "../json-api"
import type { SandboxEntry, SandboxOrder } from "../types"

export const PARTIAL_CANCEL_TITLES = {
  notJsonApi: "Request body must be a JSON:API document with a data object",
  wrongType: 'data.type must be "orderEntryCancelOperation"',
  attributesRequired: "data.attributes is required",
  entryRequired: "relationships.entry.data.id (the order entry id) is required",
  entryNotFound: "Order entry not found",
  notArray: "Request body must be a non-empty array of entries to cancel",
  itemEntryRequired: "Every item needs entry.id",
  entryNotInOrder: "Order entry does not belong to the order",
  duplicateEntry: "Each order entry may be listed only once",
  orderNotFound: "Order not found",
} as const

function operationId(ctx: ApiContext, order: SandboxOrder, entry: SandboxEntry): string {
  return encodeId(`${order.orderNo}${String(ctx.store.nextOperationNumber()).padStart(2, "0")};${entry.entryNumber}`)
}

export function entryCancelOperation(ctx: ApiContext): ApiResult {
  if (ctx.bodyError) return fail(400, ctx.bodyError)
  const data = isObject(ctx.body) && isObject(ctx.body.data) ? ctx.body.data : null
  if (!data) return fail(400, PARTIAL_CANCEL_TITLES.notJsonApi)
  if (data.type !== undefined && data.type !== "orderEntryCancelOperation") return fail(400, PARTIAL_CANCEL_TITLES.wrongType)
  const attrs = isObject(data.attributes) ? data.attributes : null
  if (!attrs) return fail(400, PARTIAL_CANCEL_TITLES.attributesRequired)
  const rel = isObject(data.relationships) && isObject(data.relationships.entry) && isObject(data.relationships.entry.data) ? data.relationships.entry.data : null
  const entryId = rel && typeof rel.id === "string" ? rel.id : ""
  if (!entryId) return fail(400, PARTIAL_CANCEL_TITLES.entryRequired)
  const found = ctx.store.findEntry(ctx.shop, entryId)
  if (!found) return fail(404, PARTIAL_CANCEL_TITLES.entryNotFound, `No order entry with id ${entryId}`)

  const result = ctx.store.cancelEntries(
    found.order,
    [{ entry: found.entry, request: { remainedQuantity: attrs.remainedQuantity, reason: attrs.reason } }],
    { allowUnderweight: false }
  )
  if (!result.ok) return fail(400, result.title, result.detail)
  const plan = result.outcomes[0].plan
  const id = operationId(ctx, found.order, found.entry)
  const self = `${ctx.render.api}/v2/orderEntryCancelOperation/${id}`
  return ok(
    single({
      type: "orderEntryCancelOperation",
      id,
      attributes: { remainedQuantity: plan.remove ? 0 : plan.quantity, status: "SUCCESSFULL" },
      relationships: { entry: { links: { self: `${self}/relationships/entry`, related: `${self}/entry` }, data: null } },
      links: { self },
    })
  )
}

export function orderPartialCancel(ctx: ApiContext): ApiResult {
  if (ctx.bodyError) return fail(400, ctx.bodyError)
  const order = ctx.store.findOrder(ctx.shop, ctx.params.orderId)
  if (!order) return fail(404, PARTIAL_CANCEL_TITLES.orderNotFound, `No order with id ${ctx.params.orderId}`)
  if (!Array.isArray(ctx.body) || ctx.body.length === 0) return fail(400, PARTIAL_CANCEL_TITLES.notArray)

  const items: Array<{ entry: SandboxEntry; request: { remainedQuantity?: unknown; remainedWeight?: unknown; reason?: unknown }; notes: unknown }> = []
  for (const raw of ctx.body as unknown[]) {
    const entryId = isObject(raw) && isObject(raw.entry) && typeof raw.entry.id === "string" ? raw.entry.id : ""
    if (!isObject(raw) || !entryId) return fail(400, PARTIAL_CANCEL_TITLES.itemEntryRequired)
    const found = ctx.store.findEntry(ctx.shop, entryId)
    if (!found || found.order !== order) return fail(400, PARTIAL_CANCEL_TITLES.entryNotInOrder, `Entry ${entryId} is not a line of order ${order.id}`)
    if (items.some((i) => i.entry === found.entry)) return fail(400, PARTIAL_CANCEL_TITLES.duplicateEntry, `Entry ${entryId} is listed twice`)
    items.push({ entry: found.entry, request: { remainedQuantity: raw.remainedQuantity, remainedWeight: raw.remainedWeight, reason: raw.reason }, notes: raw.notes })
  }

  const result = ctx.store.cancelEntries(order, items, { allowUnderweight: true })
  if (!result.ok) return fail(400, result.title, result.detail)
  const orderCancelEntries = result.outcomes.map((o, i) => ({
    id: operationId(ctx, order, o.entry),
    notes: items[i].notes === undefined ? null : items[i].notes,
    entry: { id: o.entry.id },
    remainedQuantity: o.plan.remove ? 0 : o.plan.quantity,
    remainedWeight: o.plan.remove ? 0 : o.plan.weight,
    reason: o.reason,
  }))
  return ok({ orderCancelEntries, status: "SUCCESSFUL" })
}
