import { model } from "@medusajs/framework/utils"
import { onePerShopModel } from "./shop-model"

/**
 * A Kaspi token entered in the admin (write-only), for an account declared in
 * the plugin options without a token. Only the AES-256-GCM ciphertext is kept
 * (see token-crypto.ts); the key is in the environment, never in the database.
 */
export const KaspiAccountCredential = onePerShopModel("kaspi_account_credential", "kcred", {
  /** `v1.<key id>.<iv>.<tag>.<ciphertext>`: the key id inside tells a changed key apart from tampering. */
  token_ciphertext: model.text(),
  set_by: model.text().nullable(),
})
