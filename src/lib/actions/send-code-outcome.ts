import type { KaspiText } from "../../types/kaspi-texts"
/**
 * Completion step 1 ("send the buyer a code", API.md a.11) is the one Kaspi
 * call that must not be repeated behind the merchant's back: every request
 * that reaches Kaspi may text the buyer a new code, and Kaspi's exact answer
 * to it is not documented (API.md f.10). So it is sent once per click of the
 * merchant and never retried, except when the connection was refused (the
 * request never reached Kaspi). What Kaspi answered is recorded on the outbox
 * row (`result.send_code`) and shown to the merchant, who decides whether to
 * click again.
 */

/** What came of one step-1 request. */
export type SendCodeOutcomeKind =
  /** 2xx, whatever its body: Kaspi took it, the buyer gets a code. */
  | "sent"
  /** 4xx: Kaspi answered with an error, but the code may have been sent all the same (API.md a.11, [IJ]). */
  | "answered"
  /** 5xx: Kaspi failed; whether a code went out is unknown. */
  | "failed"
  /** No answer (timeout, connection lost, the sender stopped): the code may have been sent. */
  | "unknown"
  /** Never left for Kaspi (no token, connection refused too often): no code was sent. */
  | "not_sent"

/** Stored in the outbox row's `result.send_code`; the admin words it (RU/EN). */
export interface SendCodeOutcome {
  outcome: SendCodeOutcomeKind
  /** Kaspi's HTTP status, when it answered. */
  http_status: number | null
  /** For "sent": Kaspi's usual echo, an empty body, or something else (not an error for step 1). */
  answer?: "echo" | "empty" | "other"
  /** Kaspi's own words (errors[].title/detail), or a description of what it sent. */
  kaspi_message?: string | null
  /** The error kind (timeout, network, server_error, bad_request, not_configured, abandoned …). */
  kind?: string | null
}

/** How the outbox row is left. */
export interface SendCodeDecision {
  /** `pending` only when the connection was refused and attempts remain (retried by the outbox job). */
  row_status: "sent" | "failed" | "pending"
  /** null while it is retried. */
  outcome: SendCodeOutcome | null
  /** In plain English, for the order's history and `last_error`. */
  message: string
}

/** The parts of a KaspiApiError this decision reads (kept structural: pure and testable). */
export interface SendCodeError {
  kind: string
  status?: number
  kaspiErrors: string[]
  detail?: string
  connectionRefused: boolean
}

const ASK_BUYER = "ask the buyer before sending again"

function words(e: SendCodeError): string | null {
  const text = e.kaspiErrors.length ? e.kaspiErrors.join("; ") : e.detail
  return text ? text.slice(0, 500) : null
}

/** Kaspi answered 2xx: taken, whatever the body. */
export function sendCodeTaken(answer: "echo" | "empty" | "other", httpStatus: number, raw?: unknown): SendCodeDecision {
  const body = answer === "empty" ? " (an empty answer)" : answer === "other" ? " (an unusual answer, kept on the outbox row)" : ""
  return {
    row_status: "sent",
    outcome: {
      outcome: "sent",
      http_status: httpStatus,
      answer,
      kaspi_message: answer === "other" ? JSON.stringify(raw ?? null).slice(0, 500) : null,
    },
    message: `Kaspi accepted: the buyer gets a code${body}`,
  }
}

/**
 * Kaspi did not answer 2xx. Nothing here is retried but a refused connection
 * (with attempts left): a 429 is not either, since no source says Kaspi did
 * not act on it (API.md f.2), and a second code is worse than a second click.
 */
export function sendCodeError(e: SendCodeError, canRetry: boolean): SendCodeDecision {
  const status = e.status ?? null
  const said = words(e)
  if (status !== null && status >= 200 && status < 300) {
    // A 2xx the client could not read: still taken (an unexpected body is not an error for step 1).
    return sendCodeTaken("other", status, said)
  }
  if (status !== null && status < 500) {
    return {
      row_status: "sent",
      outcome: { outcome: "answered", http_status: status, kaspi_message: said, kind: e.kind },
      message: `Kaspi answered ${status} «${said ?? "no explanation"}»: the code may still have been sent — ${ASK_BUYER}`,
    }
  }
  if (status !== null) {
    return {
      row_status: "failed",
      outcome: { outcome: "failed", http_status: status, kaspi_message: said, kind: e.kind },
      message: `Kaspi error ${status}: ${said ?? "no explanation"} — the code may have been sent; ${ASK_BUYER}`,
    }
  }
  if (e.connectionRefused) {
    if (canRetry) {
      return { row_status: "pending", outcome: null, message: `Kaspi could not be reached (connection refused), nothing was sent; retried later: ${said ?? ""}`.trim() }
    }
    return {
      row_status: "failed",
      outcome: { outcome: "not_sent", http_status: null, kaspi_message: said, kind: e.kind },
      message: `Not sent to Kaspi: the connection was refused at every attempt`,
    }
  }
  if (e.kind === "timeout" || e.kind === "network") {
    const what = e.kind === "timeout" ? "timeout" : "connection lost"
    return {
      row_status: "failed",
      outcome: { outcome: "unknown", http_status: null, kaspi_message: said, kind: e.kind },
      message: `Kaspi did not answer (${what}): the code may have been sent — ${ASK_BUYER}`,
    }
  }
  // Refused before any request (no token, a URL the token must not go to): nothing reached Kaspi.
  return {
    row_status: "failed",
    outcome: { outcome: "not_sent", http_status: null, kaspi_message: said, kind: e.kind },
    message: `Not sent to Kaspi (${e.kind}): ${said ?? "no request was made"}`,
  }
}

/** A sender that stopped (crash, lease run out) while its step-1 request may have been in flight. */
export function sendCodeAbandoned(): SendCodeDecision {
  return {
    row_status: "failed",
    outcome: { outcome: "unknown", http_status: null, kind: "abandoned" },
    message: `The sender stopped while waiting for Kaspi's answer: the code may have been sent — ${ASK_BUYER}`,
  }
}

/** The step-1 outcome as a code for the order's history (issue #19): Kaspi's words stay as Kaspi wrote them. */
export function sendCodeText(outcome: SendCodeOutcome | null | undefined): KaspiText {
  const params = { http_status: outcome?.http_status ?? null, kaspi_said: outcome?.kaspi_message ?? null }
  switch (outcome?.outcome) {
    case "sent":
      return { code: "action.code_sent", params }
    case "answered":
      return { code: "action.code_answered", params }
    case "failed":
      return { code: "action.code_failed", params }
    case "not_sent":
      return { code: "action.code_not_sent", params }
    default:
      return { code: "action.code_unknown", params }
  }
}
