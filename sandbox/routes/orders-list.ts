// GET /v2/orders (API.md a.1) and the by-code lookup (a.2).
// Documented mode (the default) refuses every request form that neither Kaspi's guide nor the
// public clients use; lenient mode (sandbox unit tests only) keeps the old accepting rules.

import { fail, ok, type ApiContext, type ApiResult } from "../http"
import { customerResource, entryResource, list, orderResource, type Json } from "../json-api"
import type { DeliveryMode, KaspiOrderState, KaspiOrderStatus, SandboxOrder, WindowRule } from "../types"

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
export const MAX_PAGE_SIZE = 100
export const MAX_WINDOW_DAYS = 14
export const MAX_WINDOW_MS = MAX_WINDOW_DAYS * DAY
const DEFAULT_CODE_PAGE_SIZE = 20
/** Kazakhstan moved to one UTC+5 zone at 2024-03-01 00:00 local (+6) time, clocks back to 23:00; until then Almaty was UTC+6. */
export const ALMATY_UTC5_SINCE = Date.UTC(2024, 1, 29, 18, 0, 0)

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
  stateSingle: "filter[orders][state] takes exactly one state",
  statusSingle: "filter[orders][status] takes exactly one status",
  deliveryTypeSingle: "filter[orders][deliveryType] takes exactly one value",
  includeSingle: "include[orders] takes exactly one relationship",
  repeatedParam: "A query parameter is given more than once",
  unknownParam: "Unsupported query parameter",
  codeEmpty: "filter[orders][code] must not be empty",
  codeAlone: "filter[orders][code] can't be combined with list filters",
} as const

/** API.md a.1 parameter table: everything a list call may carry. */
const LIST_PARAMS = [
  "page[number]",
  "page[size]",
  "filter[orders][state]",
  "filter[orders][creationDate][$ge]",
  "filter[orders][creationDate][$le]",
  "filter[orders][status]",
  "filter[orders][deliveryType]",
  "filter[orders][signatureRequired]",
  "include[orders]",
]
/**
 * API.md a.2: the by-code lookup. The guide's request ([G-RU] by-code page) is
 * `GET /v2/orders?filter[orders][code]=ordercode` with no paging; public clients send it alone or
 * with page[number]=0&page[size]=1|20; a.2 adds include[orders]=entries. So paging is allowed, not required.
 */
const CODE_PARAMS = ["filter[orders][code]", "page[number]", "page[size]", "include[orders]"]
/** API.md §f.3: one value per request; every public client sends one state per request. */
const SINGLE_VALUE: ReadonlyArray<readonly [string, string, string]> = [
  ["filter[orders][state]", LIST_TITLES.stateSingle, "send one request per state"],
  ["filter[orders][status]", LIST_TITLES.statusSingle, "send one request per status"],
  ["filter[orders][deliveryType]", LIST_TITLES.deliveryTypeSingle, "send one request per delivery type"],
  // API.md a.1: the guide shows include[orders]=entries and include[orders]=user, never both at once.
  ["include[orders]", LIST_TITLES.includeSingle, "use include[orders]=entries or include[orders]=user"],
]

/** The Almaty calendar day (days since the epoch, local time) of an instant. API.md a.0: "all dates are in the Almaty time zone". */
export function almatyDay(ms: number): number {
  const offset = ms >= ALMATY_UTC5_SINCE ? 5 * HOUR : 6 * HOUR
  return Math.floor((ms + offset) / DAY)
}

/**
 * API.md a.1: "Max search window 14 days". How Kaspi counts it is not documented; the conservative
 * reading (default) also counts the Almaty calendar days the window touches, both ends included.
 */
export function windowProblem(ge: number, le: number, rule: WindowRule): string | null {
  if (le - ge > MAX_WINDOW_MS) return `Requested ${Math.ceil((le - ge) / HOUR)} hours between $ge and $le`
  if (rule === "almaty-days-inclusive") {
    const days = almatyDay(le) - almatyDay(ge) + 1
    if (days > MAX_WINDOW_DAYS) return `$ge and $le touch ${days} calendar days in Almaty time (both days counted); at most ${MAX_WINDOW_DAYS}`
  }
  return null
}

/** Documented mode only: the request forms neither the guide nor the public clients use. */
function documentedFormProblem(q: URLSearchParams, byCode: boolean): ApiResult | null {
  const keys = [...new Set(q.keys())]
  const allowed = byCode ? CODE_PARAMS : LIST_PARAMS
  for (const k of keys) {
    if (allowed.includes(k)) continue
    // API.md a.2: the by-code lookup is the code (plus paging/include), not a filtered list.
    if (byCode && LIST_PARAMS.includes(k)) return fail(400, LIST_TITLES.codeAlone, `Send "${k}" in a list request, not with filter[orders][code]`)
    // API.md a.0: "The service does not guarantee support for sorting, filtering and pagination in cases not described."
    return fail(400, LIST_TITLES.unknownParam, `"${k}" is not a parameter of GET /v2/orders; use ${allowed.join(", ")}`)
  }
  for (const [name, title, hint] of SINGLE_VALUE) {
    const all = q.getAll(name)
    if (all.length > 1 || all.some((v) => v.includes(","))) return fail(400, title, `Got ${all.map((v) => `"${v}"`).join(" and ")}; ${hint}`)
  }
  // API.md a.0 query syntax: each parameter once.
  const repeated = keys.find((k) => q.getAll(k).length > 1)
  if (repeated) return fail(400, LIST_TITLES.repeatedParam, `${repeated} appears ${q.getAll(repeated).length} times`)
  return null
}

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
  const { lenient, windowRule } = ctx.store.options
  const code = q.get("filter[orders][code]")
  const byCode = code !== null && code.trim() !== ""
  if (!lenient) {
    if (code !== null && !byCode) return fail(400, LIST_TITLES.codeEmpty)
    const problem = documentedFormProblem(q, byCode)
    if (problem) return problem
  }

  // paging: API.md a.1, both required on list calls ([G-EN]), page[number] 0-based, page[size] ≤ 100 (a.0, a.1);
  // optional with the code (a.2, see CODE_PARAMS)
  const rawNumber = q.get("page[number]")
  const rawSize = q.get("page[size]")
  if (rawNumber === null && !byCode) return fail(400, LIST_TITLES.pageNumberRequired)
  if (rawSize === null && !byCode) return fail(400, LIST_TITLES.pageSizeRequired)
  const pageNumber = rawNumber === null ? 0 : intParam(rawNumber)
  if (pageNumber === null || pageNumber < 0) return fail(400, LIST_TITLES.pageNumberInvalid, `Got "${rawNumber}"`)
  const pageSize = rawSize === null ? DEFAULT_CODE_PAGE_SIZE : intParam(rawSize)
  if (pageSize === null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) return fail(400, LIST_TITLES.pageSizeInvalid, `Got "${rawSize}"`)

  // includes: API.md a.1, entries or user
  const includes = values(q, "include[orders]") ?? []
  const badInclude = includes.find((i) => !INCLUDES.includes(i))
  if (badInclude) return fail(400, LIST_TITLES.includeInvalid, `Unsupported include "${badInclude}"; use entries or user`)

  let orders: SandboxOrder[]
  if (byCode) {
    // a.2: by code, not limited by state or the 14-day window
    const found = ctx.store.findOrderByCode(ctx.shop, code.trim())
    orders = found ? [found] : []
  } else {
    // API.md a.1: the state filter is required per [G-EN]; [GO] enforces it.
    const states = values(q, "filter[orders][state]")
    if (!states || states.length === 0) return fail(400, LIST_TITLES.stateRequired, `Use one of ${STATES.join(", ")}`)
    const badState = states.find((s) => !(STATES as readonly string[]).includes(s))
    if (badState) return fail(400, LIST_TITLES.stateInvalid, `Unknown state "${badState}"; use one of ${STATES.join(", ")}`)

    // API.md a.1: $ge required ([G-EN], [ALASH]); $le defaults to now; dates in ms (a.0).
    const rawGe = q.get("filter[orders][creationDate][$ge]")
    if (rawGe === null || rawGe.trim() === "") return fail(400, LIST_TITLES.creationDateRequired)
    const ge = intParam(rawGe)
    if (ge === null) return fail(400, LIST_TITLES.creationDateInvalid, `Got $ge="${rawGe}"`)
    const rawLe = q.get("filter[orders][creationDate][$le]")
    const le = rawLe === null || rawLe.trim() === "" ? ctx.store.clock.now() : intParam(rawLe)
    if (le === null) return fail(400, LIST_TITLES.creationDateInvalid, `Got $le="${rawLe}"`)
    // Lenient mode keeps the old millisecond-only rule.
    const windowError = windowProblem(ge, le, lenient ? "ms" : windowRule)
    if (windowError) return fail(400, LIST_TITLES.windowTooLong, windowError)

    // API.md a.1 / (b): unknown status and deliveryType values are refused.
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
