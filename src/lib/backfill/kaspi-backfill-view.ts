import type { KaspiBackfillStatus, KaspiBackfillView } from "../../types/admin-backfills"

/** A kaspi_backfill row, read by raw SQL or by the module's generated methods. */
export interface KaspiBackfillLike {
  id: string
  account_id: string
  range_from: Date | string
  range_to: Date | string
  states: unknown
  status: string
  windows_total: number
  windows_done: number
  state_index: number
  orders_seen: number
  orders_imported: number
  orders_needs_attention: number
  orders_failed: number
  current_window_from: Date | string | null
  current_window_to: Date | string | null
  started_at: Date | string
  finished_at: Date | string | null
  error: string | null
}

const date = (v: Date | string) => new Date(v)

/** What the routes show of a backfill: the range as from/to, no lease, a progress share. */
export function toKaspiBackfillView(row: KaspiBackfillLike): KaspiBackfillView {
  const states = Array.isArray(row.states) ? row.states.map(String) : []
  const finished = row.status === "done"
  const partial = states.length ? row.state_index / states.length : 0
  const progress = finished ? 1 : row.windows_total ? Math.min(1, (row.windows_done + partial) / row.windows_total) : 0
  return {
    id: row.id,
    account_id: row.account_id,
    from: date(row.range_from),
    to: date(row.range_to),
    states,
    status: row.status as KaspiBackfillStatus,
    windows_total: row.windows_total,
    windows_done: row.windows_done,
    progress,
    orders_seen: row.orders_seen,
    orders_imported: row.orders_imported,
    orders_needs_attention: row.orders_needs_attention,
    orders_failed: row.orders_failed,
    current_window:
      row.current_window_from && row.current_window_to
        ? { from: date(row.current_window_from), to: date(row.current_window_to) }
        : null,
    started_at: date(row.started_at),
    finished_at: row.finished_at ? date(row.finished_at) : null,
    error: row.error,
  }
}
