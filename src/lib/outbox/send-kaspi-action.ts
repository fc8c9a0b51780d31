import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { KaspiApiError } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { nextAttemptDelayMs, type KaspiActionPayload } from "../actions/kaspi-actions"
import { sendCodeError, sendCodeTaken, sendCodeText, type SendCodeDecision } from "../actions/send-code-outcome"
import type { KaspiText } from "../../types/kaspi-texts"
import { performKaspiAction, STATUS_AFTER } from "./perform-kaspi-action"
import { afterKaspiActionSent } from "./after-kaspi-action-sent"

/** After this many failed attempts an action stops retrying and waits for a person. */
export const MAX_ACTION_ATTEMPTS = 30

export type SendOutcome = "sent" | "retry" | "failed" | "skipped"

/**
 * Sends one claimed outbox row to Kaspi and records the outcome. Kaspi saying
 * the order already is where we wanted it counts as sent; temporary failures
 * (timeout, 5xx, 429, a garbled answer, a revoked token) are retried later with
 * backoff; Kaspi refusing the change stops and is shown to the merchant.
 * Sending the buyer's code is the exception (sendCompletionCode below): sent
 * once, its outcome recorded, never retried unless it never reached Kaspi.
 */
export async function sendKaspiAction(container: MedusaContainer, actionId: string): Promise<SendOutcome> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiActions({ id: actionId })
  if (!row || row.status !== "sending") return "skipped"
  const payload = row.payload as unknown as KaspiActionPayload
  const log = (result: "ok" | "error" | "info", message: string, text: KaspiText, data?: Record<string, unknown>) =>
    kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.kaspi_order_id,
      kaspi_code: row.code,
      type: `action.${row.action}`,
      result,
      message,
      text,
      data: { action_id: row.id, attempt: row.attempts, ...data },
    })
  const action = row.action

  if (payload.action === "send_code") return sendCompletionCode(kaspi, row, log)

  try {
    const response = await performKaspiAction(await kaspi.getClient(row.account_id), { id: row.kaspi_id, code: row.code }, payload)
    await kaspi.finishKaspiAction(row.id, { status: "sent", result: { status: response.status ?? null } })
    await log("ok", `Sent to Kaspi: ${row.action}`, { code: "action.sent", params: { action } })
  } catch (e) {
    if (!(e instanceof KaspiApiError)) throw e
    if (e.alreadyDone) {
      await kaspi.finishKaspiAction(row.id, { status: "sent", result: { already: true, kaspi: e.kaspiErrors } })
      // Kaspi's own words are kept as Kaspi wrote them (kaspi_said); the admin explains them beside.
      const kaspiSaid = e.kaspiErrors.join("; ")
      await log("ok", `Kaspi already had it: ${kaspiSaid}`, { code: "action.already", params: { action, kaspi_said: kaspiSaid } })
    } else if ((e.retryable || e.kind === "unauthorized" || e.kind === "forbidden") && row.attempts < MAX_ACTION_ATTEMPTS) {
      const next = new Date(Date.now() + nextAttemptDelayMs(row.attempts))
      await kaspi.finishKaspiAction(row.id, { status: "pending", next_attempt_at: next, last_error: e.message, error_kind: e.kind })
      await log("error", `Not delivered yet (${e.kind}), next attempt ${next.toISOString()}: ${e.message}`, {
        code: "action.retry",
        params: { action, kind: e.kind, next_at: next.toISOString(), kaspi_said: e.kaspiErrors.join("; ") || e.message },
      })
      return "retry"
    } else {
      await kaspi.finishKaspiAction(row.id, { status: "failed", last_error: e.message, error_kind: e.kind })
      const kaspiSaid = e.kaspiErrors.join("; ") || e.message
      await log("error", `Kaspi refused ${row.action}: ${kaspiSaid}`, { code: "action.refused_by_kaspi", params: { action, kaspi_said: kaspiSaid } })
      return "failed"
    }
  }

  const status = STATUS_AFTER[payload.action]
  if (status) {
    await kaspi.updateKaspiOrders({ id: row.kaspi_order_id, status })
  }
  if (payload.action === "assemble") {
    await kaspi.updateKaspiOrders({ id: row.kaspi_order_id, assembled: true })
  }
  await afterKaspiActionSent(container, row.id)
  return "sent"
}

type OutboxRow = Awaited<ReturnType<KaspiModuleService["listKaspiActions"]>>[number]
type LogFn = (result: "ok" | "error" | "info", message: string, text: KaspiText, data?: Record<string, unknown>) => Promise<void>

/**
 * Completion step 1, sent once per click (API.md a.11, f.10): any 2xx is
 * taken; a 4xx, 5xx or no answer is recorded with what Kaspi said and never
 * sent again by the outbox (the code may have gone out); only a refused
 * connection, which never reached Kaspi, is retried like any other action.
 */
async function sendCompletionCode(kaspi: KaspiModuleService, row: OutboxRow, log: LogFn): Promise<SendOutcome> {
  let decision: SendCodeDecision
  try {
    const client = await kaspi.getClient(row.account_id)
    const response = await client.sendCompletionCode({ id: row.kaspi_id, code: row.code })
    decision = sendCodeTaken(response.answer, response.httpStatus, response.raw)
  } catch (e) {
    if (!(e instanceof KaspiApiError)) throw e
    decision = sendCodeError(e, row.attempts < MAX_ACTION_ATTEMPTS)
  }
  const { row_status, outcome, message } = decision
  if (row_status === "pending") {
    const next = new Date(Date.now() + nextAttemptDelayMs(row.attempts))
    await kaspi.finishKaspiAction(row.id, { status: "pending", next_attempt_at: next, last_error: message, error_kind: "network" })
    await log("error", `Not delivered yet (connection refused), next attempt ${next.toISOString()}: ${message}`, {
      code: "action.retry",
      params: { action: row.action, kind: "network", next_at: next.toISOString(), kaspi_said: message },
    })
    return "retry"
  }
  const warning = outcome?.outcome !== "sent"
  await kaspi.finishKaspiAction(row.id, {
    status: row_status,
    last_error: warning ? message : null,
    error_kind: warning ? (outcome?.outcome ?? null) : null,
    result: { send_code: outcome },
  })
  await log(warning ? "error" : "ok", message, sendCodeText(outcome), { send_code: outcome })
  return row_status === "sent" ? "sent" : "failed"
}
