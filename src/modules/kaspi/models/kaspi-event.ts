import { model } from "@medusajs/framework/utils"
import { KaspiOrder } from "./kaspi-order"
import { shopModel } from "./shop-model"

/**
 * What happened to a Kaspi order and when: import attempts, status changes,
 * actions sent. Append-only; the admin shows it as the order's history.
 */
export const KaspiEvent = shopModel("kaspi_event", "kevt", {
  kaspi_code: model.text().nullable(),
  type: model.text(),
  result: model.enum(["ok", "error", "info"]).default("info"),
  message: model.text().nullable(),
  data: model.json().nullable(),
  kaspi_order: model.belongsTo(() => KaspiOrder, { mappedBy: "events" }).nullable(),
}).indexes([
  { on: ["account_id", "kaspi_code"] },
  // The account's log newest first, whole or by type (api/admin/kaspi/events, latestData): a year is ~1M rows.
  { on: ["account_id", "created_at"] },
  { on: ["account_id", "type", "created_at"] },
  // Retention takes the oldest rows first (services/kaspi-retention.ts).
  { on: ["created_at"] },
])
