import { model } from "@medusajs/framework/utils"
import { onePerShopModel } from "./shop-model"

/**
 * Where polling got to, per account, so a restart resumes instead of
 * re-reading; and the poll lease, so one poll runs at a time across all
 * Medusa instances (a database compare-and-set, no Redis needed).
 */
export const KaspiSyncState = onePerShopModel("kaspi_sync_state", "ksync", {
  synced_until: model.dateTime().nullable(),
  last_new_poll_at: model.dateTime().nullable(),
  last_status_sync_at: model.dateTime().nullable(),
  last_success_at: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  last_stats: model.json().nullable(),
  lease_until: model.dateTime().nullable(),
  lease_owner: model.text().nullable(),
})
