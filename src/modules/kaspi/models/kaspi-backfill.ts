import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

export const KASPI_BACKFILL_STATUSES = ["running", "cancelling", "cancelled", "done", "failed"] as const
export type KaspiBackfillStatus = (typeof KASPI_BACKFILL_STATUSES)[number]
/** A backfill in these statuses still holds its account (the unique partial index below). */
export const KASPI_BACKFILL_ACTIVE: readonly KaspiBackfillStatus[] = ["running", "cancelling"]

/**
 * A backfill: every Kaspi order created in [range_from, range_to], read in the
 * background window by window (13-day windows, one state per request, pages
 * of 100; API.md a.1, §f.3). The cursor (windows_done, state_index, page) is
 * stored after every page, so a worker that died is resumed where it stopped
 * by whichever instance takes the lease next. The unique partial index keeps
 * one active backfill per account in the database, across instances.
 */
export const KaspiBackfill = shopModel("kaspi_backfill", "kbf", {
  range_from: model.dateTime(),
  range_to: model.dateTime(),
  states: model.json(),
  status: model.enum([...KASPI_BACKFILL_STATUSES]).default("running"),
  windows_total: model.number(),
  windows_done: model.number().default(0),
  /** Within the current window: which of `states` is being read, and its next page. */
  state_index: model.number().default(0),
  page: model.number().default(0),
  orders_seen: model.number().default(0),
  orders_imported: model.number().default(0),
  orders_needs_attention: model.number().default(0),
  orders_failed: model.number().default(0),
  current_window_from: model.dateTime().nullable(),
  current_window_to: model.dateTime().nullable(),
  /** Consecutive failed slices (Kaspi down, timeouts); the backfill fails after a few. */
  failures: model.number().default(0),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  error: model.text().nullable(),
  lease_until: model.dateTime().nullable(),
  lease_owner: model.text().nullable(),
}).indexes([
  { on: ["account_id"], unique: true, where: "status IN ('running', 'cancelling') AND deleted_at IS NULL" },
  { on: ["account_id", "created_at"] },
])
