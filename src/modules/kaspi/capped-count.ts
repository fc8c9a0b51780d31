/**
 * Counts for list screens that stay flat as a year of history grows
 * (docs/scaling.md): an exact count of a group of 95,000 orders costs a scan
 * of that many index entries on every page view, while a screen only needs
 * to know the count up to what a person pages through: 1,000 is 20 pages of
 * 50, and a person narrows the list (a status, a state, dates, a code) long
 * before that. Counting stops at the cap; the answer says when it did. At
 * 10,000 the orders list's `imported` group (a year: 95,000 orders) still grew
 * 10-fold between a few days' history and a year's.
 */
export const LIST_COUNT_CAP = 1_000

export interface CappedCount {
  count: number
  /** The real count is larger than `count` (the cap). */
  capped: boolean
}

export const cappedCount = (rowsSeen: number, cap: number): CappedCount =>
  rowsSeen > cap ? { count: cap, capped: true } : { count: rowsSeen, capped: false }

/** What the admin's Kaspi order list filters by (api/admin/kaspi/orders). */
export interface KaspiOrderListFilter {
  account_id?: string
  import_status?: string
  status?: string[]
  state?: string[]
  /** true: flagged, false: not flagged. */
  sync_problem?: boolean
  disagrees?: boolean
  /** A whole order code (served by the code index: one order, at any history size). */
  code?: string
  /** Part of the order code. */
  code_contains?: string
  created_from?: Date
  created_to?: Date
}

/**
 * The filter as SQL for kaspi_order, with bound parameters: the same rows
 * as the filter the list itself sends through the module (toKaspiOrderFilters).
 */
export function kaspiOrderListWhere(f: KaspiOrderListFilter): { sql: string; params: unknown[] } {
  const where = ["deleted_at is null"]
  const params: unknown[] = []
  const eq = (column: string, value: unknown) => {
    where.push(`${column} = ?`)
    params.push(value)
  }
  const anyOf = (column: string, values: string[]) => {
    where.push(`${column} in (${values.map(() => "?").join(", ")})`)
    params.push(...values)
  }
  if (f.account_id) eq("account_id", f.account_id)
  if (f.import_status) eq("import_status", f.import_status)
  if (f.status?.length) anyOf("status", f.status)
  if (f.state?.length) anyOf("state", f.state)
  if (f.sync_problem !== undefined) where.push(`sync_problem is ${f.sync_problem ? "not " : ""}null`)
  if (f.disagrees !== undefined) where.push(`disagreement is ${f.disagrees ? "not " : ""}null`)
  if (f.code) eq("code", f.code)
  if (f.code_contains) {
    where.push(`code ilike ?`)
    params.push(`%${escapeLike(f.code_contains)}%`)
  }
  if (f.created_from) {
    where.push(`kaspi_created_at >= ?`)
    params.push(f.created_from)
  }
  if (f.created_to) {
    where.push(`kaspi_created_at <= ?`)
    params.push(f.created_to)
  }
  return { sql: where.join(" and "), params }
}

/** The same filter for the module's list methods (MikroORM filter objects). */
export function toKaspiOrderFilters(f: KaspiOrderListFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (f.account_id) out.account_id = f.account_id
  if (f.import_status) out.import_status = f.import_status
  if (f.status?.length) out.status = f.status
  if (f.state?.length) out.state = f.state
  if (f.sync_problem !== undefined) out.sync_problem = f.sync_problem ? { $ne: null } : null
  if (f.disagrees !== undefined) out.disagreement = f.disagrees ? { $ne: null } : null
  if (f.code) out.code = f.code
  else if (f.code_contains) out.code = { $ilike: `%${escapeLike(f.code_contains)}%` }
  if (f.created_from || f.created_to) {
    out.kaspi_created_at = { ...(f.created_from ? { $gte: f.created_from } : {}), ...(f.created_to ? { $lte: f.created_to } : {}) }
  }
  return out
}

/** A code search is a "contains": the user's % and _ are text, not wildcards. */
const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`)

/** What the event log filters by (api/admin/kaspi/events): equal columns, and a creation range. */
export interface KaspiEventListFilter {
  account_id?: string
  kaspi_order_id?: string
  kaspi_code?: string
  type?: string
  result?: string
  created_at?: { $gte?: Date; $lte?: Date }
}

const EVENT_COLUMNS = ["account_id", "kaspi_order_id", "kaspi_code", "type", "result"] as const

/** The event log's filter as SQL for kaspi_event: the same rows the module's listKaspiEvents returns for it. */
export function kaspiEventListWhere(f: KaspiEventListFilter): { sql: string; params: unknown[] } {
  const columns = EVENT_COLUMNS.filter((c) => f[c])
  const where = ["deleted_at is null", ...columns.map((c) => `${c} = ?`)]
  const params: unknown[] = columns.map((c) => f[c])
  if (f.created_at?.$gte) {
    where.push("created_at >= ?")
    params.push(f.created_at.$gte)
  }
  if (f.created_at?.$lte) {
    where.push("created_at <= ?")
    params.push(f.created_at.$lte)
  }
  return { sql: where.join(" and "), params }
}
