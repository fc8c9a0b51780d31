import { model } from "@medusajs/framework/utils"

/**
 * Where polling got to, per account, so a restart resumes instead of
 * re-reading; and the poll lease, so one poll runs at a time across all
 * Medusa instances (a database compare-and-set, no Redis needed).
 */
export const KaspiSyncState = model.define("kaspi_sync_state", {
  id: model.id({ prefix: "ksync" }).primaryKey(),
  account_id: model.text().unique(),
  synced_until: model.dateTime().nullable(),
  last_new_poll_at: model.dateTime().nullable(),
  last_status_sync_at: model.dateTime().nullable(),
  last_success_at: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  last_stats: model.json().nullable(),
  lease_until: model.dateTime().nullable(),
  lease_owner: model.text().nullable(),
})
