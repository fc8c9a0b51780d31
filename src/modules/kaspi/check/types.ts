/**
 * The Kaspi compatibility check (issue #12): read-only probes that confirm a
 * merchant's real Kaspi answers the request forms the plugin relies on. These
 * shapes are stored (kaspi_event type "kaspi.check"), returned by the admin
 * route and printed by the CLI.
 */

/** The probes, in the order they are shown. */
export const KASPI_CHECK_PROBES = [
  "reachability",
  "token",
  "states",
  "window",
  "archive_status",
  "entries",
  "by_code",
  "cities",
  "clock",
  "latency",
] as const
export type KaspiCheckProbeId = (typeof KASPI_CHECK_PROBES)[number]

export type KaspiCheckStatus = "held" | "failed" | "skipped"

/** What to do about a failed probe; the admin translates these (check.hint_<key>). */
export const KASPI_CHECK_HINT_KEYS = [
  "geo_waf",
  "network",
  "html_404",
  "html_page",
  "token_rejected",
  "refused_form",
  "server_error",
  "rate_limited",
  "unreadable",
  "entries_missing",
  "by_code_missing",
  "by_code_ignored",
  "status_filter_ignored",
  "window_too_wide",
  "not_configured",
  "clock_skew",
  "no_date",
  "slow",
  "skipped",
  "plugin_error",
] as const
export type KaspiCheckHintKey = (typeof KASPI_CHECK_HINT_KEYS)[number]

export interface KaspiCheckProbe {
  id: KaspiCheckProbeId
  status: KaspiCheckStatus
  /** Wall time of the probe's request(s). */
  ms?: number
  /** Kaspi's own words: the HTTP status and errors[].title/detail (never a token), or its silence. */
  kaspi_says?: string
  /** What to do, in English (the admin shows its own words for `hint_key`). */
  hint?: string
  hint_key?: KaspiCheckHintKey
  detail?: Record<string, unknown>
}

export interface KaspiCheckResult {
  account_id: string
  ran_at: string
  /** Every probe held. */
  ok: boolean
  probes: KaspiCheckProbe[]
}

export interface KaspiCheckOptions {
  /** Per request; short so a hang does not take minutes. Default 10 s. */
  timeoutMs?: number
  /** The latency probe fails when the median request takes longer. Default 5 s. */
  latencyLimitMs?: number
  /** The clock probe fails when the server's clock is further from Kaspi's. Default 5 min. */
  clockSkewLimitMs?: number
  /** The server's clock (tests). */
  now?: () => number
}

export const CHECK_DEFAULTS = {
  timeoutMs: 10_000,
  latencyLimitMs: 5_000,
  clockSkewLimitMs: 5 * 60_000,
} as const
