// Labels for the action log: what a write request asked for, derived from method, path,
// body and headers (also for faulted writes, which never reach a handler).

import { decodeId, orderIdOf } from "../ids"
import { isObject, type ApiContext } from "../http"
import type { Shop, SandboxStore } from "../store"
import type { ActionName } from "../types"
import { commandFor } from "./status-change"
import { WRITE_STATUSES } from "../state-machine"

export interface WriteLabel {
  action: ActionName
  orderId: string | null
  code: string | null
}

function orderIdFromEntryId(entryId: string): string | null {
  const raw = decodeId(entryId)
  const m = raw ? /^(\d+)##\d+$/.exec(raw) : null
  return m ? orderIdOf(Number(m[1])) : null
}

function entryIdOfBody(body: unknown): string | null {
  const data = isObject(body) && isObject(body.data) ? body.data : null
  const rel = data && isObject(data.relationships) && isObject(data.relationships.entry) && isObject(data.relationships.entry.data) ? data.relationships.entry.data : null
  return rel && typeof rel.id === "string" ? rel.id : null
}

export function labelWrite(
  method: string,
  apiPath: string,
  body: unknown,
  headers: ApiContext["headers"],
  store: SandboxStore,
  shop: Shop | null
): WriteLabel {
  let action: ActionName = "UNKNOWN"
  let orderId: string | null = null
  let code: string | null = null
  if (method === "POST" && apiPath === "/v2/orders") {
    const data = isObject(body) && isObject(body.data) ? body.data : null
    const attrs = data && isObject(data.attributes) ? data.attributes : null
    if (data && typeof data.id === "string") orderId = data.id
    if (attrs && attrs.code !== undefined && attrs.code !== null) code = String(attrs.code).trim()
    const status = attrs?.status
    if (attrs && (WRITE_STATUSES as readonly unknown[]).includes(status)) {
      const cmd = commandFor(String(status), attrs, headers)
      action = cmd.kind === "COMPLETED_SEND_CODE" ? "COMPLETED_SEND_CODE" : cmd.kind
    }
  } else if (method === "POST" && apiPath === "/v2/orderEntryCancelOperation") {
    action = "ENTRY_CANCEL"
    const entryId = entryIdOfBody(body)
    orderId = entryId ? orderIdFromEntryId(entryId) : null
  } else if (method === "POST" && apiPath === "/v2/orderEntryImeiOperation") {
    action = "IMEI"
    const entryId = entryIdOfBody(body)
    orderId = entryId ? orderIdFromEntryId(entryId) : null
  } else if (method === "POST" && apiPath === "/products/import") {
    action = "PRODUCT_IMPORT"
  } else if (method === "PUT" && apiPath.startsWith("/orderPartialCancel/")) {
    action = "PARTIAL_CANCEL"
    try {
      orderId = decodeURIComponent(apiPath.slice("/orderPartialCancel/".length)) || null
    } catch {
      orderId = null
    }
  }
  if (shop && orderId) {
    const o = store.findOrder(shop, orderId)
    if (o) code = o.code
  }
  return { action, orderId, code }
}
