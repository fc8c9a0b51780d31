import { model } from "@medusajs/framework/utils"

/**
 * A Kaspi token entered in the admin (write-only), for an account declared in
 * the plugin options without a token. Only the AES-256-GCM ciphertext is kept
 * (see token-crypto.ts); the key is in the environment, never in the database.
 */
export const KaspiAccountCredential = model.define("kaspi_account_credential", {
  id: model.id({ prefix: "kcred" }).primaryKey(),
  account_id: model.text().unique(),
  /** `v1.<key id>.<iv>.<tag>.<ciphertext>`: the key id inside tells a changed key apart from tampering. */
  token_ciphertext: model.text(),
  set_by: model.text().nullable(),
})
