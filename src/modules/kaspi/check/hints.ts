import { KaspiApiError } from "../client/errors"
import type { KaspiCheckHintKey } from "./types"

/**
 * What a merchant should do about each kind of failure, in English (the CLI's
 * words and the admin's fallback; the admin has its own per `hint_key`).
 */
const HINTS: Record<KaspiCheckHintKey, string> = {
  // API.md a.0: geo-restriction and the WAF both show as silence, not as an error.
  geo_waf:
    "Kaspi did not answer at all: the request hung until the timeout. Kaspi's Shop API is reported to answer only from Kazakhstan IP addresses and to silently drop requests with library-default User-Agents. Run the store in Kazakhstan, or set the `proxyUrl` option to a proxy with a Kazakhstan exit (and keep the plugin's own User-Agent).",
  network:
    "The Kaspi API could not be reached (DNS, connection refused or reset). Check the apiUrl option, the network, and the proxy if one is set.",
  // API.md a.0 ([GO] PR #1): without Accept, Kaspi answers an HTML 404.
  html_404:
    "An HTML 404 page came back instead of Kaspi's JSON: the path is wrong or the Accept header was lost on the way. Check that apiUrl is https://kaspi.kz/shop/api (without /v2) and that no proxy strips the Accept header.",
  html_page:
    "An HTML page came back instead of Kaspi's JSON: a firewall, proxy or gateway answered, not the Shop API. Check the proxy and the apiUrl option.",
  token_rejected:
    "Kaspi refused the token. The company head generates a new one in the Kaspi seller cabinet → Settings → API token; check that it is the token of this shop (merchant ID) and that the shop is active, then put it where this shop's token is set.",
  refused_form:
    "Kaspi refused a request form the plugin relies on (its words are above). Please report them in the plugin's issue tracker (issue #12): the plugin must be adapted to your Kaspi.",
  server_error: "Kaspi answered with a server error. It is usually temporary: run the check again in a few minutes.",
  rate_limited: "Kaspi is limiting the request rate. Run the check again later; raise minRequestIntervalMs if this persists.",
  unreadable:
    "Kaspi answered in a shape the plugin cannot read (see the detail). Orders in this shape would be flagged, not imported: please report it in the plugin's issue tracker (issue #12).",
  entries_missing:
    "Kaspi did not include the order lines asked for with include[orders]=entries. The plugin then reads them with one extra request per order, which is slower: please report it (issue #12).",
  by_code_missing:
    "Kaspi listed an order but did not find it by its code (filter[orders][code]). The plugin refreshes older open orders by code: please report it (issue #12).",
  by_code_ignored:
    "Kaspi answered the lookup by code (filter[orders][code]) with an order that has another code: the filter was ignored. Please report it (issue #12).",
  // API.md a.1 lists filter[orders][status] without promising it narrows every state; the poll reads the archive by status.
  status_filter_ignored:
    "Kaspi answered an archive read filtered by status (filter[orders][status]=CANCELLED) with orders in other statuses: the filter was ignored. The plugin notices this while polling and then reads this shop's whole archive, which takes more requests; set `orders.archiveRead: \"all\"` to make that the configured behaviour from the start. Please report it (issue #12).",
  // API.md a.1: how Kaspi counts its 14 days is not documented; 13 is safe under every reading.
  window_too_wide:
    "Kaspi refused a date window as wide as the one configured (orders.windowDays). Keep orders.windowDays at 13, the default: it stays under Kaspi's 14-day limit however Kaspi counts the days.",
  not_configured: "No API token is configured for this shop: set it in the plugin options, the environment, or Settings → Kaspi.",
  // API.md a.1: every poll window is computed from the server's clock.
  clock_skew:
    "The server's clock is off from Kaspi's. The plugin computes its polling windows from the server's clock, so orders near a window's edge can be missed or read late: synchronise the clock (NTP).",
  no_date: "Kaspi's answers carried no Date header, so the clocks could not be compared.",
  slow:
    "Kaspi answers slowly from here. Every poll makes several requests, so new orders arrive late: a proxy far from Kazakhstan or a congested network is the usual cause.",
  skipped: "Not run: Kaspi did not accept the first request (see above).",
  plugin_error: "The plugin could not make this request (a bug in the plugin): please report it in the plugin's issue tracker.",
}

export function hintText(key: KaspiCheckHintKey): string {
  return HINTS[key]
}

/** Failures where no Kaspi API answered: nothing else can be checked from here. */
export const UNREACHABLE_HINTS: ReadonlySet<KaspiCheckHintKey> = new Set(["geo_waf", "network", "html_404", "html_page"])

/** The hint for a failed request, from the client's error kinds (client/errors.ts). */
export function hintKeyForError(e: unknown): KaspiCheckHintKey {
  if (!(e instanceof KaspiApiError)) return "plugin_error"
  if (e.kind === "timeout") return "geo_waf"
  if (e.kind === "network") return "network"
  if (e.kind === "not_configured") return "not_configured"
  if (e.html && e.status === 404) return "html_404"
  if (e.kind === "server_error") return "server_error"
  if (e.html || (e.kind === "invalid_response" && /HTML/.test(e.detail ?? ""))) return "html_page"
  if (e.kind === "unauthorized" || e.kind === "forbidden") return "token_rejected"
  if (e.kind === "rate_limited") return "rate_limited"
  if (e.kind === "invalid_response") return "unreadable"
  return "refused_form"
}

/** Kaspi's own words for a failed request: its status and errors, or its silence. Never headers or tokens. */
export function kaspiSaysForError(e: unknown): string | undefined {
  if (!(e instanceof KaspiApiError)) return undefined
  if (e.kind === "not_configured") return undefined
  if (e.kind === "timeout") return e.detail ?? "no answer"
  if (e.kind === "network") return `no connection${e.detail ? `: ${e.detail}` : ""}`
  const words = e.kaspiErrors.length ? e.kaspiErrors.join("; ") : e.detail
  return [e.status ? `HTTP ${e.status}` : undefined, words].filter(Boolean).join(": ") || e.kind
}
