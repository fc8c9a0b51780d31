import type { z } from "@medusajs/framework/zod"
import type { AdminStartKaspiBackfill } from "../api/admin/kaspi/validators"
import type { KaspiBackfillStatus } from "../modules/kaspi/models/kaspi-backfill"

/** POST /admin/kaspi/backfills (and POST /admin/kaspi/orders/sync with a range) */
export type AdminStartKaspiBackfillRequest = z.input<typeof AdminStartKaspiBackfill>

export type { KaspiBackfillStatus }

/** A backfill as the routes show it: its range, where it got to, what it found. */
export interface KaspiBackfillView {
  id: string
  account_id: string
  from: Date
  to: Date
  states: string[]
  status: KaspiBackfillStatus
  windows_total: number
  windows_done: number
  /** 0–1: finished windows plus the share of the current window's states already read. */
  progress: number
  orders_seen: number
  orders_imported: number
  orders_needs_attention: number
  orders_failed: number
  /** The window being read now (null before the first page and once finished). */
  current_window: { from: Date; to: Date } | null
  started_at: Date
  finished_at: Date | null
  /** The last failure (a slice that will be retried, or why it failed). */
  error: string | null
}

/** POST /admin/kaspi/backfills → 202; GET /admin/kaspi/backfills/:id; POST …/:id/cancel */
export interface AdminKaspiBackfillResponse {
  backfill: KaspiBackfillView
}
/** GET /admin/kaspi/backfills?account_id=: latest first */
export interface AdminKaspiBackfillsResponse {
  backfills: KaspiBackfillView[]
}
/** 409: a backfill is already running for that account. */
export interface AdminKaspiBackfillConflict {
  message: string
  backfill_id: string
}
