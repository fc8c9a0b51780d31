import type { KaspiText } from "../../types/kaspi-texts"
import type { KaspiOrdersOptions } from "./options"
import type { KaspiImportStatus } from "./models/kaspi-order"

/*
 * The types the module's services answer with. They live here, outside
 * services/, because Medusa registers every function exported from a file in
 * services/ as a service of the module (loadResources). service.ts re-exports
 * them: callers import them from "modules/kaspi/service".
 */

// Shapes the admin also reads are declared once, in src/types (admin-accounts.ts).
export type { KaspiAccountView as KaspiAccountInfo, KaspiOrderOptionOverrides } from "../../types/admin-accounts"
import type { KaspiOrderOptionOverrides } from "../../types/admin-accounts"

export type KaspiEffectiveOrderOptions = KaspiOrdersOptions & { overrides: KaspiOrderOptionOverrides }

/** A refusal to store a token, in words for the admin (never containing the token). */
export class KaspiTokenStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "KaspiTokenStoreError"
  }
}

export type { KaspiConnectionResult as KaspiConnectionCheck } from "../../types/admin-accounts"

export interface KaspiRequestStats {
  requests: number
  failures: number
  byPath: Record<string, number>
}

/** What upsertKaspiOrderRecord answers: the row, and whether it was new or Kaspi's status moved. */
export interface KaspiOrderRecordUpsert {
  id: string
  import_status: string
  status: string
  inserted: boolean
  previous_status: string | null
}

/** The outcome an import attempt records (a reset is releaseKaspiOrderImport / undoKaspiOrderImportClaim). */
export interface KaspiImportOutcome {
  import_status: "imported" | "needs_attention" | "failed" | "ignored"
  reason?: string | null
  /** undefined keeps the linked order; null (an undone import) clears it. */
  order_id?: string | null
  unmapped_skus?: string[] | null
  /** The reason as a code and parameters: announced with the outcome, so a notification says it in its own language. */
  text?: KaspiText | null
}

/** Who puts an order back in the import queue (see import-status.ts). */
export type KaspiImportReleaser = "admin_retry" | "sku_mapped" | "undo_finish"

/** The status a claim took the order from, given back by the claim's compensation. */
export type KaspiImportClaimedFrom = Extract<KaspiImportStatus, "pending" | "needs_attention" | "failed" | "importing">

export interface KaspiPollClaim {
  /** The last tick: open orders read. */
  last_new_poll_at: Date | null
  /** The last tick that read the archive (either way). */
  last_status_sync_at: Date | null
  /** The last tick that read the whole archive: every order created in the window up to then is known. */
  synced_until: Date | null
}

export interface KaspiPollResult {
  owner: string
  ok: boolean
  polledAt: Date
  statusSynced: boolean
  /** This tick read the whole archive (moves synced_until). */
  wholeArchive?: boolean
  stats?: unknown
  error?: string
}

/** One intent for the outbox; the idempotency key makes a second write return the first row. */
export interface KaspiActionIntent {
  account_id: string
  kaspi_order_id: string
  kaspi_id: string
  code: string
  order_id?: string | null
  action: string
  payload: Record<string, unknown>
  idempotency_key: string
  origin: string
  status: "pending" | "dry_run"
}

export interface KaspiActionOutcome {
  status: "pending" | "sent" | "failed"
  next_attempt_at?: Date | null
  last_error?: string | null
  error_kind?: string | null
  result?: unknown
}

/** A row sent again (by a person, a replaced token or Kaspi answering again). */
export interface KaspiRevivedAction {
  id: string
  account_id: string
  kaspi_order_id: string
  code: string
  action: string
  error_kind: string | null
}

export interface KaspiAbandonedAction {
  id: string
  account_id: string
  kaspi_order_id: string
  code: string
  action: string
  attempts: number
}

export interface KaspiEventInput {
  account_id: string
  kaspi_order_id?: string | null
  kaspi_code?: string | null
  type: string
  result?: "ok" | "error" | "info"
  message?: string | null
  data?: Record<string, unknown> | null
  /** The sentence as a code and parameters (stored as data.code, data.params) so the admin says it in the user's language. */
  text?: KaspiText
}

/** A kaspi_backfill row as the backfill service reads it (raw SQL, snake_case). */
export interface KaspiBackfillRow {
  id: string
  account_id: string
  range_from: Date
  range_to: Date
  states: string[]
  status: "running" | "cancelling" | "cancelled" | "done" | "failed"
  windows_total: number
  windows_done: number
  state_index: number
  page: number
  orders_seen: number
  orders_imported: number
  orders_needs_attention: number
  orders_failed: number
  current_window_from: Date | null
  current_window_to: Date | null
  failures: number
  started_at: Date
  finished_at: Date | null
  error: string | null
  lease_until: Date | null
  lease_owner: string | null
  created_at: Date
  updated_at: Date
}

/** Where a backfill got to after a page, and what that page added. */
export interface KaspiBackfillProgress {
  windows_total: number
  windows_done: number
  state_index: number
  page: number
  current_window: { from: number; to: number } | null
  add: { seen: number; imported: number; needs_attention: number; failed: number }
}

/** What one retention run deleted (services/kaspi-retention.ts). */
export interface KaspiPruneResult {
  events: number
  actions: number
  /** delete statements run per table */
  batches: { events: number; actions: number }
  /** the per-run cap was reached: old rows may remain for the next run */
  capped: boolean
}

/** A retention run as its `kaspi.retention` event keeps it (shown in Settings → Kaspi). */
export interface KaspiPruneRun extends KaspiPruneResult {
  /** ISO time the run ended */
  at: string
  /** the age it pruned at */
  days: number
}
