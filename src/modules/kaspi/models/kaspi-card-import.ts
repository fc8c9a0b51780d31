import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

export const KASPI_CARD_IMPORT_STATUSES = ["sending", "uploaded", "finished", "aborted", "unknown", "send_failed"] as const
export type KaspiCardImportStatus = (typeof KASPI_CARD_IMPORT_STATUSES)[number]

/**
 * One card import sent to Kaspi (`POST /products/import`, API.md a.14): the
 * SKUs and products it carried, Kaspi's code once it answered, and where it
 * stands — followed by the follow-kaspi-card-imports job until FINISHED
 * (counts and per-SKU result) or ABORTED (Kaspi's description).
 */
export const KaspiCardImport = shopModel("kaspi_card_import", "kcimp", {
  import_code: model.text().nullable(),
  status: model.enum([...KASPI_CARD_IMPORT_STATUSES]).default("sending"),
  /** The status as Kaspi named it (names differ between sources, API.md a.14). */
  status_name: model.text().nullable(),
  description: model.text().nullable(),
  category: model.text().nullable(),
  skus: model.json(),
  product_ids: model.json(),
  errors: model.number().nullable(),
  warnings: model.number().nullable(),
  skipped: model.number().nullable(),
  total: model.number().nullable(),
  /** Per SKU: { outcome, state, messages }. */
  result: model.json().nullable(),
  /** Why sending failed (the error's kind and message; never a token). */
  error: model.text().nullable(),
  sent_at: model.dateTime().nullable(),
  finished_at: model.dateTime().nullable(),
  checked_at: model.dateTime().nullable(),
  checks: model.number().default(0),
}).indexes([
  { on: ["account_id", "import_code"], unique: true, where: "import_code IS NOT NULL" },
  { on: ["status", "checked_at"] },
  { on: ["account_id", "created_at"] },
])
