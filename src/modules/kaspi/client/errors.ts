export type KaspiErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "invalid_response"
  | "not_configured"

const HINTS: Record<KaspiErrorKind, string> = {
  unauthorized:
    "The Kaspi API token is invalid or was revoked. The company head can generate a new one in the Kaspi seller cabinet → Settings → API token; then put it where this shop's token is set (plugin options, environment variable, or Settings → Kaspi).",
  forbidden:
    "Kaspi refused access with this token. Check that the token belongs to this shop (merchant ID) and that the shop is active in the seller cabinet.",
  not_found: "Kaspi does not know this resource (wrong id or code, or it belongs to another shop).",
  bad_request: "Kaspi rejected the request; its own explanation follows.",
  rate_limited: "Kaspi is limiting the request rate. The plugin backs off and retries; raise minRequestIntervalMs if this persists.",
  server_error: "Kaspi answered with a server error. It is usually temporary; the plugin retries reads with backoff.",
  timeout:
    "Kaspi did not answer in time. The Shop API is reported to answer only from Kazakhstan IP addresses and to drop requests silently from elsewhere: run the store in Kazakhstan or set the `proxyUrl` option to a proxy with a Kazakhstan exit.",
  network:
    "The Kaspi API could not be reached (DNS, connection refused or reset). Check the apiUrl option, the network, and the proxy if one is set.",
  invalid_response:
    "Kaspi answered with something that is not the JSON the API documents (an HTML page, truncated JSON or unexpected fields). Nothing was imported from this response.",
  not_configured: "This Kaspi account is not configured with an API token.",
}

export interface KaspiApiErrorInit {
  kind: KaspiErrorKind
  method?: string
  path?: string
  status?: number
  kaspiErrors?: string[]
  detail?: string
  retryAfterMs?: number
  /** The answer was an HTML page, not Kaspi's JSON: a firewall or proxy spoke, not the API. */
  html?: boolean
  cause?: unknown
}

/**
 * Every failure of a Kaspi call. `kind` says what happened, `hint` what to do
 * about it; the message carries Kaspi's own error text but never headers or tokens.
 */
export class KaspiApiError extends Error {
  readonly kind: KaspiErrorKind
  readonly method?: string
  readonly path?: string
  readonly status?: number
  readonly kaspiErrors: string[]
  readonly detail?: string
  readonly hint: string
  readonly retryAfterMs?: number
  readonly html: boolean

  constructor(init: KaspiApiErrorInit) {
    const where = init.method && init.path ? `${init.method} ${init.path}` : "request"
    const status = init.status ? ` → ${init.status}` : ""
    const what = init.kaspiErrors?.length ? `: ${init.kaspiErrors.join("; ")}` : init.detail ? `: ${init.detail}` : ""
    super(`Kaspi API ${where}${status} (${init.kind})${what}. ${HINTS[init.kind]}`)
    this.name = "KaspiApiError"
    this.kind = init.kind
    this.method = init.method
    this.path = init.path
    this.status = init.status
    this.kaspiErrors = init.kaspiErrors ?? []
    this.detail = init.detail
    this.hint = HINTS[init.kind]
    this.retryAfterMs = init.retryAfterMs
    this.html = init.html === true
  }

  /** Temporary failures: worth another attempt later. */
  get retryable(): boolean {
    // An HTML 404 is a gateway or firewall page, not the API saying "no such order".
    if (this.kind === "not_found" && this.html) return true
    return ["rate_limited", "server_error", "timeout", "network", "invalid_response"].includes(this.kind)
  }

  /**
   * The connection was refused: the request never left for Kaspi, so Kaspi
   * surely did not see it. The one failure after which even a write that must
   * not be repeated (completion step 1, API.md a.11) may be sent again.
   */
  get connectionRefused(): boolean {
    return this.kind === "network" && this.detail?.includes("ECONNREFUSED") === true
  }

  /** Kaspi says the order already is where we wanted it (counts as success for an idempotent action). */
  get alreadyDone(): boolean {
    return this.kind === "bad_request" && this.kaspiErrors.some((e) => /\balready\b/i.test(e))
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      method: this.method,
      path: this.path,
      kaspiErrors: this.kaspiErrors,
      detail: this.detail,
      hint: this.hint,
      message: this.message,
    }
  }
}

export function kindForStatus(status: number): KaspiErrorKind {
  if (status === 401) return "unauthorized"
  if (status === 403) return "forbidden"
  if (status === 404) return "not_found"
  if (status === 429) return "rate_limited"
  if (status >= 500) return "server_error"
  return "bad_request"
}
