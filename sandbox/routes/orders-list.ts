// GET /v2/orders (API.md a.1) and the by-code lookup (a.2).

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { customerResource, entryResource, list, orderResource, type Json } from "../json-api"
import type { DeliveryMode, KaspiOrderState, KaspiOrderStatus, SandboxOrder } from "../types"

export const MAX_PAGE_SIZE = 100
export const MAX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000
const DEFAULT_CODE_PAGE_SIZE = 20

const STATES: readonly KaspiOrderState[] = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]
const STATUSES: readonly KaspiOrderStatus[] = [
  "APPROVED_BY_BANK",
  "ACCEPTED_BY_MERCHANT",
  "COMPLETED",
  "CANCELLED",
  "CANCELLING",
  "KASPI_DELIVERY_RETURN_REQUESTED",
  "RETURN_ACCEPTED_BY_MERCHANT",
  "RETURNED",
]
/** Both vocabularies seen in the guides (RU: PICKUP/DELIVERY, EN: delivery modes). */
const DELIVERY_TYPES: Record<string, readonly DeliveryMode[]> = {
  PICKUP: ["DELIVERY_PICKUP", "DELIVERY_REGIONAL_PICKUP"],
  DELIVERY: ["DELIVERY_LOCAL", "DELIVERY_REGIONAL_TODOOR"],
  DELIVERY_PICKUP: ["DELIVERY_PICKUP"],
  DELIVERY_LOCAL: ["DELIVERY_LOCAL"],
  DELIVERY_REGIONAL_TODOOR: ["DELIVERY_REGIONAL_TODOOR"],
  DELIVERY_REGIONAL_PICKUP: ["DELIVERY_REGIONAL_PICKUP"],
}
const INCLUDES = ["entries", "user"]

export const LIST_TITLES = {
  pageNumberRequired: "page[number] is required",
  pageNumberInvalid: "page[number] must be a non-negative integer",
  pageSizeRequired: "page[size] is required",
  pageSizeInvalid: "page[size] must be an integer between 1 and 100",
  stateRequired: "filter[orders][state] is required",
  stateInvalid: "filter[orders][state] has an unknown value",
  creationDateRequired: "filter[orders][creationDate][$ge] is required",
  creationDateInvalid: "filter[orders][creationDate] must be a timestamp in milliseconds",
  windowTooLong: "The creationDate period must not exceed 14 days",
  statusInvalid: "filter[orders][status] has an unknown value",
  deliveryTypeInvalid: "filter[orders][deliveryType] has an unknown value",
  signatureRequiredInvalid: "filter[orders][signatureRequired] must be true or false",
  includeInvalid: "include[orders] has an unsupported value",
} as const

function values(q: URLSearchParams, name: string): string[] | null {
  const all = q.getAll(name)
  if (all.length === 0) return null
  return all
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "")
}

function intParam(raw: string | null): number | null {
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return null
  return Number(raw)
}

export function listOrders(ctx: ApiContext): ApiResult {
  const q = ctx.query
  const code = q.get("filter[orders][code]")
  const byCode = code !== null && code.trim() !== ""

  // paging
  const rawNumber = q.get("page[number]")
  const rawSize = q.get("page[size]")
  if (rawNumber === null && !byCode) return fail(400, LIST_TITLES.pageNumberRequired)
  if (rawSize === null && !byCode) return fail(400, LIST_TITLES.pageSizeRequired)
  const pageNumber = rawNumber === null ? 0 : intParam(rawNumber)
  if (pageNumber === null || pageNumber < 0) return fail(400, LIST_TITLES.pageNumberInvalid, `Got "${rawNumber}"`)
  const pageSize = rawSize === null ? DEFAULT_CODE_PAGE_SIZE : intParam(rawSize)
  if (pageSize === null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) return fail(400, LIST_TITLES.pageSizeInvalid, `Got "${rawSize}"`)

  // includes
  const includes = values(q, "include[orders]") ?? []
  const badInclude = includes.find((i) => !INCLUDES.includes(i))
  if (badInclude) return fail(400, LIST_TITLES.includeInvalid, `Unsupported include "${badInclude}"; use entries or user`)

  let orders: SandboxOrder[]
  if (byCode) {
    // a.2: by code, not limited by state or the 14-day window
    const found = ctx.store.findOrderByCode(ctx.shop, code.trim())
    orders = found ? [found] : []
  } else {
    const states = values(q, "filter[orders][state]")
    if (!states || states.length === 0) return fail(400, LIST_TITLES.stateRequired, `Use one of ${STATES.join(", ")}`)
    const badState = states.find((s) => !(STATES as readonly string[]).includes(s))
    if (badState) return fail(400, LIST_TITLES.stateInvalid, `Unknown state "${badState}"; use one of ${STATES.join(", ")}`)

    const rawGe = q.get("filter[orders][creationDate][$ge]")
    if (rawGe === null || rawGe.trim() === "") return fail(400, LIST_TITLES.creationDateRequired)
    const ge = intParam(rawGe)
    if (ge === null) return fail(400, LIST_TITLES.creationDateInvalid, `Got $ge="${rawGe}"`)
    const rawLe = q.get("filter[orders][creationDate][$le]")
    const le = rawLe === null || rawLe.trim() === "" ? ctx.store.clock.now() : intParam(rawLe)
    if (le === null) return fail(400, LIST_TITLES.creationDateInvalid, `Got $le="${rawLe}"`)
    if (le - ge > MAX_WINDOW_MS) {
      return fail(400, LIST_TITLES.windowTooLong, `Requested ${Math.ceil((le - ge) / 3_600_000)} hours between $ge and $le`)
    }

    const statuses = values(q, "filter[orders][status]")
    const badStatus = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s))
    if (badStatus) return fail(400, LIST_TITLES.statusInvalid, `Unknown status "${badStatus}"`)

    const deliveryTypes = values(q, "filter[orders][deliveryType]")
    const badType = deliveryTypes?.find((t) => !DELIVERY_TYPES[t])
    if (badType) return fail(400, LIST_TITLES.deliveryTypeInvalid, `Unknown deliveryType "${badType}"; use PICKUP, DELIVERY or a delivery mode`)
    const modes = deliveryTypes ? new Set(deliveryTypes.flatMap((t) => DELIVERY_TYPES[t])) : null

    const rawSig = q.get("filter[orders][signatureRequired]")
    if (rawSig !== null && rawSig !== "true" && rawSig !== "false") return fail(400, LIST_TITLES.signatureRequiredInvalid)
    const sig = rawSig === null ? null : rawSig === "true"

    orders = ctx.store.listOrders(ctx.shop).filter(
      (o) =>
        states.includes(o.state) &&
        o.creationDate >= ge &&
        o.creationDate <= le &&
        (!statuses || statuses.includes(o.status)) &&
        (!modes || modes.has(o.deliveryMode)) &&
        (sig === null || o.signatureRequired === sig)
    )
  }

  orders.sort((a, b) => a.creationDate - b.creationDate || Number(a.code) - Number(b.code))
  const totalCount = orders.length
  const pageCount = Math.ceil(totalCount / pageSize)
  const page = orders.slice(pageNumber * pageSize, pageNumber * pageSize + pageSize)

  const withEntries = includes.includes("entries")
  const included: Json[] = []
  if (withEntries) for (const o of page) for (const e of o.entries) included.push(entryResource(ctx.render, o, e))
  if (includes.includes("user")) {
    const seen = new Set<string>()
    for (const o of page) {
      if (seen.has(o.customer.id)) continue
      seen.add(o.customer.id)
      included.push(customerResource(ctx.render, o))
    }
  }
  const data = page.map((o) => orderResource(ctx.render, o, { entriesData: withEntries }))
  return ok(list(data, included, { pageCount, totalCount }))
}
