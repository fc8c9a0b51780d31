import type { SendCodeDecision } from "./send-code-outcome"
import { nextAttemptDelayMs } from "./kaspi-actions"

/** After this many failed attempts an action stops retrying and waits for a person, a new token or Kaspi answering again. */
export const MAX_ACTION_ATTEMPTS = 30

/** What Kaspi answered to one outbox row, as the send workflow records it. */
export type KaspiAnswer =
  /** Kaspi took it; `already`: Kaspi said the order already is where we wanted it. */
  | { kind: "sent"; http_status: string | null; already: boolean; kaspi_said: string | null }
  /** Not delivered for a temporary reason: tried again at `next_at`. */
  | { kind: "retry"; error_kind: string; message: string; kaspi_said: string; next_at: string }
  /** Kaspi refused the change, or it was given up on (`error_kind` says which). */
  | { kind: "failed"; error_kind: string; message: string; kaspi_said: string }
  /** Completion step 1: its own rules (send-code-outcome.ts). */
  | { kind: "send_code"; decision: SendCodeDecision }
  /** The row was not this sender's to send (another sender took it, or it is settled). */
  | { kind: "skipped" }

/** The parts of a KaspiApiError the decision reads (structural: pure and testable). */
export interface KaspiCallError {
  kind: string
  message: string
  kaspiErrors: string[]
  retryable: boolean
  alreadyDone: boolean
}

/**
 * Kaspi's error → what becomes of the row. Kaspi saying the order already is
 * there counts as sent; temporary failures (timeout, 5xx, 429, a garbled
 * answer) and a refused token are tried again with backoff until
 * MAX_ACTION_ATTEMPTS, then given up (revived later, see KASPI_GIVEN_UP_KINDS);
 * anything else is Kaspi refusing the change.
 */
export function kaspiAnswerFromError(e: KaspiCallError, attempts: number, now = Date.now()): KaspiAnswer {
  const kaspiSaid = e.kaspiErrors.join("; ")
  if (e.alreadyDone) return { kind: "sent", http_status: null, already: true, kaspi_said: kaspiSaid }
  const temporary = e.retryable || e.kind === "unauthorized" || e.kind === "forbidden"
  if (temporary && attempts < MAX_ACTION_ATTEMPTS) {
    const next = new Date(now + nextAttemptDelayMs(attempts)).toISOString()
    return { kind: "retry", error_kind: e.kind, message: e.message, kaspi_said: kaspiSaid || e.message, next_at: next }
  }
  return { kind: "failed", error_kind: e.kind, message: e.message, kaspi_said: kaspiSaid || e.message }
}
