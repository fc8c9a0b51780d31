import { model } from "@medusajs/framework/utils"

/** Where polling got to, per account, so a restart resumes instead of re-reading. */
export const KaspiSyncState = model.define("kaspi_sync_state", {
  id: model.id({ prefix: "ksync" }).primaryKey(),
  account_id: model.text().unique(),
  synced_until: model.dateTime().nullable(),
  last_new_poll_at: model.dateTime().nullable(),
  last_success_at: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  last_stats: model.json().nullable(),
})
