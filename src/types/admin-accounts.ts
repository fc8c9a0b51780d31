import type { z } from "@medusajs/framework/zod"
import type { AdminRunKaspiCheck, AdminStoreKaspiToken, AdminUpdateKaspiOrderOptions } from "../api/admin/kaspi/validators"
import type { KaspiCheckResult } from "../modules/kaspi/check/types"

// ── requests ────────────────────────────────────────────────────────────────────

/** POST /admin/kaspi/accounts/:id/token (write-only). */
export type AdminStoreKaspiTokenRequest = z.input<typeof AdminStoreKaspiToken>
/** POST /admin/kaspi/accounts/:id/order-options: null goes back to medusa-config's value. */
export type AdminUpdateKaspiOrderOptionsRequest = z.input<typeof AdminUpdateKaspiOrderOptions>
/** POST /admin/kaspi/accounts/:id/check */
export type AdminRunKaspiCheckRequest = z.input<typeof AdminRunKaspiCheck>

// ── records ─────────────────────────────────────────────────────────────────────

/**
 * What the admin and the API may see of an account: never the token. The
 * module's describeAccounts() answers this (as KaspiAccountInfo).
 */
export interface KaspiAccountView {
  id: string
  merchantId: string
  name?: string
  apiUrl: string
  hasToken: boolean
  /** "options", "env:NAME", "stored" (entered in the admin, encrypted) or "none". */
  tokenSource: string
  /** When the stored token was last set. */
  tokenStoredAt?: string
  /** Why a stored token cannot be used (key missing or changed). */
  tokenProblem?: string
  /** The admin may store a token: none from options/environment, and the encryption key is set. */
  canStoreToken: boolean
  /** The environment variable that holds the encryption key. */
  tokenKeyEnv: string
}

/** One authenticated read, in plain words (always 200: the outcome is data). */
export interface KaspiConnectionResult {
  ok: boolean
  accountId: string
  kind?: string
  message: string
  /** Kaspi's own words (errors[].title/detail), as Kaspi wrote them; the admin explains `kind` beside them. */
  kaspi_said?: string | null
}

/** Order options the store owner changed in the admin; null follows medusa-config. */
export interface KaspiOrderOptionOverrides {
  polling: boolean | null
  poll_interval_seconds: number | null
  auto_accept: boolean | null
}

/** Polling and auto-accept for one shop: in force, from medusa-config, and what was changed in the admin. */
export interface AdminKaspiOrderOptions {
  polling: boolean
  poll_interval_seconds: number
  auto_accept: boolean
  archive_sync_interval_seconds: number
  config: { polling: boolean; poll_interval_seconds: number; auto_accept: boolean }
  overrides: KaspiOrderOptionOverrides
}

export type { KaspiCheckResult }
export type { KaspiCheckProbe, KaspiCheckStatus } from "../modules/kaspi/check/types"

// ── responses ───────────────────────────────────────────────────────────────────

/** GET /admin/kaspi/accounts */
export interface AdminKaspiAccountsResponse {
  accounts: KaspiAccountView[]
  count: number
}

/** POST /admin/kaspi/accounts/:id/token; a 400 carries `type`, `message`, `saved: false` and `connection`. */
export interface AdminStoreKaspiTokenResponse {
  saved: boolean
  account?: KaspiAccountView
  connection: KaspiConnectionResult | null
}

/** DELETE /admin/kaspi/accounts/:id/token */
export interface AdminClearKaspiTokenResponse {
  account: KaspiAccountView
  deleted: true
}

/** POST /admin/kaspi/accounts/:id/test-connection */
export interface AdminKaspiConnectionResponse {
  connection: KaspiConnectionResult
}

/** GET and POST /admin/kaspi/accounts/:id/order-options */
export interface AdminKaspiOrderOptionsResponse {
  order_options: AdminKaspiOrderOptions
}

/** GET (null before the first run) and POST /admin/kaspi/accounts/:id/check */
export interface AdminKaspiCheckResponse {
  check: KaspiCheckResult | null
}

/** POST /admin/kaspi/accounts/:id/token, 400: Kaspi rejected the token (401/403); nothing was stored. */
export interface AdminKaspiTokenRejectedResponse {
  type: "invalid_data"
  message: string
  saved: false
  connection: KaspiConnectionResult
}
