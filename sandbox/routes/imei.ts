// POST /v2/orderEntryImeiOperation (a.13). Accepts both body shapes seen in the sources:
// attributes.items: ["IMEI1", …]  or  items: [{ imei: ["IMEI1", …] }].

import { fail, isObject, ok, type ApiContext, type ApiResult } from "../http"
import { encodeId } from "../ids"
import { single } from "../json-api"
import { isActive } from "../state-machine"

export const IMEI_TITLES = {
  notJsonApi: "Request body must be a JSON:API document with a data object",
  entryRequired: "relationships.entry.data.id (the order entry id) is required",
  entryNotFound: "Order entry not found",
  itemsInvalid: "items must be a non-empty list of IMEI strings",
  orderNotActive: "IMEI can be set only for orders that are not completed or cancelled",
} as const

function flattenItems(raw: unknown): string[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null
  const out: string[] = []
  for (const item of raw as unknown[]) {
    if (typeof item === "string") out.push(item)
    else if (isObject(item) && Array.isArray(item.imei)) {
      for (const v of item.imei as unknown[]) {
        if (typeof v !== "string") return null
        out.push(v)
      }
    } else return null
  }
  return out.length > 0 && out.every((s) => s.trim() !== "" && s.length <= 64) ? out : null
}

export function imeiOperation(ctx: ApiContext): ApiResult {
  if (ctx.bodyError) return fail(400, ctx.bodyError)
  const body = isObject(ctx.body) ? ctx.body : null
  const data = body && isObject(body.data) ? body.data : null
  if (!data) return fail(400, IMEI_TITLES.notJsonApi)
  const rel = isObject(data.relationships) && isObject(data.relationships.entry) && isObject(data.relationships.entry.data) ? data.relationships.entry.data : null
  const entryId = rel && typeof rel.id === "string" ? rel.id : ""
  if (!entryId) return fail(400, IMEI_TITLES.entryRequired)
  const found = ctx.store.findEntry(ctx.shop, entryId)
  if (!found) return fail(404, IMEI_TITLES.entryNotFound, `No order entry with id ${entryId}`)
  const attrs = isObject(data.attributes) ? data.attributes : {}
  const items = flattenItems(attrs.items ?? data.items ?? body?.items)
  if (!items) return fail(400, IMEI_TITLES.itemsInvalid)
  if (!isActive(found.order.status)) return fail(400, IMEI_TITLES.orderNotActive, `Order status is ${found.order.status}`)
  found.entry.imei = items
  const id = encodeId(`imei${ctx.store.nextOperationNumber()};${found.entry.id}`)
  const self = `${ctx.render.api}/v2/orderEntryImeiOperation/${id}`
  return ok(
    single({
      type: "orderEntryImeiOperation",
      id,
      attributes: { status: "SUCCESSFUL", items },
      relationships: {
        entry: { links: { self: `${self}/relationships/entry`, related: `${self}/entry` }, data: { type: "orderentries", id: found.entry.id } },
      },
      links: { self },
    })
  )
}
