import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

export const KASPI_CARD_STATES = ["sending", "uploaded", "finished", "warning", "error", "skipped", "aborted", "send_failed"] as const
export type KaspiCardState = (typeof KASPI_CARD_STATES)[number]
/** A card in these states may be sent again unchanged: Kaspi did not take it (the ledger's claim, services/kaspi-card-ledger.ts). */
export const KASPI_CARD_RESENDABLE: readonly KaspiCardState[] = ["error", "aborted", "send_failed"]

/**
 * One Kaspi card per shop and SKU (API.md a.14): the card last sent, the hash
 * of its JSON, the import that carried it and what Kaspi made of it. The
 * unique (account_id, sku) index is what makes a send idempotent: an
 * unchanged card is claimed by no second send (services/kaspi-card-ledger.ts).
 */
export const KaspiCard = shopModel("kaspi_card", "kcard", {
  product_id: model.text(),
  variant_id: model.text(),
  sku: model.text(),
  category: model.text(),
  card: model.json(),
  card_hash: model.text(),
  import_id: model.text().nullable(),
  state: model.enum([...KASPI_CARD_STATES]).default("sending"),
  messages: model.json(),
}).indexes([
  { on: ["account_id", "sku"], unique: true },
  { on: ["product_id"] },
])
