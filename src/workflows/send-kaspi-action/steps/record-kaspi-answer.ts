import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import { kaspiActionEvent } from "../../../modules/kaspi/action-event"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { nextAttemptDelayMs, type KaspiActionPayload } from "../../../lib/actions/kaspi-actions"
import type { KaspiAnswer } from "../../../lib/actions/kaspi-answer"
import { sendCodeText } from "../../../lib/actions/send-code-outcome"
import { MEDUSA_FIRST_ORIGINS, disagreementAfterRefusal } from "../../../lib/actions/disagreement"
import { flagKaspiDisagreement } from "../../../lib/outbox/flag-kaspi-disagreement"
import { STATUS_AFTER } from "../../../lib/outbox/perform-kaspi-action"
import type { KaspiText } from "../../../types/kaspi-texts"

export type SendOutcome = "sent" | "retry" | "failed" | "skipped"

export interface RecordedKaspiAnswer {
  outcome: SendOutcome
  /** What Medusa must do now that Kaspi took the action (null: nothing). */
  follow_up: "cancel" | "complete" | "cancel_entry" | null
  account_id: string
  kaspi_order_id: string
  code: string
  order_id: string | null
  /** the Kaspi status on our record before this action, and its state */
  previous_status: string
  state: string
  payload: KaspiActionPayload | null
}

const FOLLOW_UPS: Partial<Record<KaspiActionPayload["action"], RecordedKaspiAnswer["follow_up"]>> = {
  cancel: "cancel",
  complete: "complete",
  cancel_entry: "cancel_entry",
}

/**
 * Writes Kaspi's answer: the row settled (sent, retried later, failed), the
 * order's history, and — Kaspi being the authority for what happens on Kaspi —
 * our record of the Kaspi order moved only by what Kaspi took. A change Medusa
 * made first (a cancel from Medusa's own screens, a fulfilment) that Kaspi
 * refused or never heard flags the order as disagreeing, with Kaspi's words.
 * No compensation: the answer is a fact, also when Medusa cannot follow it.
 */
export const recordKaspiAnswerStep = createStep(
  "record-kaspi-answer",
  async (input: { action_id: string; answer: KaspiAnswer }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const [row] = await kaspi.listKaspiActions({ id: input.action_id })
    const [order] = row
      ? await kaspi.listKaspiOrders({ id: row.kaspi_order_id }, { select: ["id", "status", "state", "disagreement"] })
      : []
    const recorded = (outcome: SendOutcome, follow_up: RecordedKaspiAnswer["follow_up"] = null): StepResponse<RecordedKaspiAnswer> =>
      new StepResponse({
        outcome,
        follow_up,
        account_id: row?.account_id ?? "",
        kaspi_order_id: row?.kaspi_order_id ?? "",
        code: row?.code ?? "",
        order_id: row?.order_id ?? null,
        previous_status: order?.status ?? "",
        state: order?.state ?? "",
        payload: (row?.payload as unknown as KaspiActionPayload) ?? null,
      })
    if (!row || !order || input.answer.kind === "skipped") return recorded("skipped")

    const action = row.action
    const log = (result: "ok" | "error" | "info", message: string, text: KaspiText, data?: Record<string, unknown>) =>
      kaspi.logKaspiEvent(kaspiActionEvent(row, { result, message, text, data: { action_id: row.id, attempt: row.attempts, ...data } }))
    const disagree = async (errorKind: string, kaspiSaid: string) => {
      if (!MEDUSA_FIRST_ORIGINS.includes(row.origin)) return
      const target = { id: order.id, account_id: row.account_id, code: row.code }
      await flagKaspiDisagreement(kaspi, target, disagreementAfterRefusal({ id: row.id, action, origin: row.origin }, errorKind, kaspiSaid))
    }
    const a = input.answer

    if (a.kind === "send_code") {
      const { row_status, outcome, message } = a.decision
      if (row_status === "pending") {
        const next = new Date(Date.now() + nextAttemptDelayMs(row.attempts))
        await kaspi.finishKaspiAction(row.id, { status: "pending", next_attempt_at: next, last_error: message, error_kind: "network" })
        await log("error", `Not delivered yet (connection refused), next attempt ${next.toISOString()}: ${message}`, {
          code: "action.retry",
          params: { action, kind: "network", next_at: next.toISOString(), kaspi_said: message },
        })
        return recorded("retry")
      }
      const warning = outcome?.outcome !== "sent"
      await kaspi.finishKaspiAction(row.id, {
        status: row_status,
        last_error: warning ? message : null,
        error_kind: warning ? (outcome?.outcome ?? null) : null,
        result: { send_code: outcome },
      })
      await log(warning ? "error" : "ok", message, sendCodeText(outcome), { send_code: outcome })
      return recorded(row_status === "sent" ? "sent" : "failed")
    }
    if (a.kind === "retry") {
      await kaspi.finishKaspiAction(row.id, { status: "pending", next_attempt_at: new Date(a.next_at), last_error: a.message, error_kind: a.error_kind })
      await log("error", `Not delivered yet (${a.error_kind}), next attempt ${a.next_at}: ${a.message}`, {
        code: "action.retry",
        params: { action, kind: a.error_kind, next_at: a.next_at, kaspi_said: a.kaspi_said },
      })
      return recorded("retry")
    }
    if (a.kind === "failed") {
      await kaspi.finishKaspiAction(row.id, { status: "failed", last_error: a.message, error_kind: a.error_kind })
      await log("error", `Kaspi refused ${action}: ${a.kaspi_said}`, { code: "action.refused_by_kaspi", params: { action, kaspi_said: a.kaspi_said } })
      await disagree(a.error_kind, a.kaspi_said)
      return recorded("failed")
    }

    // Sent (or Kaspi already had it): our record follows Kaspi.
    await kaspi.finishKaspiAction(row.id, {
      status: "sent",
      result: a.already ? { already: true, kaspi: a.kaspi_said } : { status: a.http_status },
    })
    if (a.already) {
      await log("ok", `Kaspi already had it: ${a.kaspi_said}`, { code: "action.already", params: { action, kaspi_said: a.kaspi_said ?? "" } })
    } else {
      await log("ok", `Sent to Kaspi: ${action}`, { code: "action.sent", params: { action } })
    }
    const payload = row.payload as unknown as KaspiActionPayload
    const status = STATUS_AFTER[payload.action]
    const settledDisagreement = (order.disagreement as { action_id?: string } | null)?.action_id === row.id
    if (status || payload.action === "assemble" || settledDisagreement) {
      await kaspi.updateKaspiOrders({
        id: order.id,
        ...(status ? { status } : {}),
        ...(payload.action === "assemble" ? { assembled: true } : {}),
        // The action this disagreement was about went through after all.
        ...(settledDisagreement ? { disagreement: null } : {}),
      })
    }
    return recorded("sent", row.order_id ? (FOLLOW_UPS[payload.action] ?? null) : null)
  }
)
