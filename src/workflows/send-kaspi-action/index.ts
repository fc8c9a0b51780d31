import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_ORIGIN, MERCHANT_ACTION_ORIGIN } from "../../lib/sync/change-origin"
import { completeMedusaOrderWorkflow } from "../complete-medusa-order"
import { followKaspiOrderLinesWorkflow } from "../follow-kaspi-order-lines"
import { reduceMedusaOrderLineWorkflow } from "../reduce-medusa-order-line"
import { syncKaspiStatusWorkflow } from "../sync-kaspi-status"
import { logKaspiOrderEventStep } from "../sync-kaspi-status/steps/log-kaspi-order-event"
import type { KaspiEventInput } from "../../modules/kaspi/types"
import { callKaspiStep } from "./steps/call-kaspi"
import { claimKaspiActionStep } from "./steps/claim-kaspi-action"
import { readKaspiLinesStep } from "./steps/read-kaspi-lines"
import { recordKaspiAnswerStep, type SendOutcome } from "./steps/record-kaspi-answer"

export const SEND_KASPI_ACTION_WORKFLOW = "send-kaspi-action"

export interface SendKaspiActionInput {
  /** the outbox row (kact_…) */
  action_id: string
  /** true when the caller (the outbox drain) has claimed the row already */
  claimed?: boolean
}

export interface SendKaspiActionResult {
  outcome: SendOutcome
}

/**
 * Delivers one outbox row, the one path every action takes (the admin route,
 * the subscribers and the outbox job): claim it → call Kaspi → record Kaspi's
 * answer → only then the Medusa follow-up, nested as a step so its compensation
 * chains. Kaspi is the authority for what happens on Kaspi: a cancel reaches
 * the Medusa order only once Kaspi confirmed it (syncKaspiStatusWorkflow, as
 * for a cancel made on Kaspi), a completion with the buyer's code completes
 * the Medusa order, a line cut on Kaspi edits it. A follow-up that fails is
 * undone by its own steps and thrown; the row stays sent (Kaspi has it), and
 * the caller flags the order as disagreeing (lib/outbox/deliver-kaspi-action).
 *
 * @example
 * const { result } = await sendKaspiActionWorkflow(container).run({ input: { action_id: "kact_123" } })
 * // result: { outcome: "sent" }   (or "retry", "failed", "skipped")
 */
export const sendKaspiActionWorkflow = createWorkflow(SEND_KASPI_ACTION_WORKFLOW, (input: SendKaspiActionInput) => {
  const claim = claimKaspiActionStep(input)
  const answer = when("kaspi-action-claimed", { claim }, ({ claim }) => claim.claimed).then(() =>
    callKaspiStep(transform({ input }, ({ input }) => ({ action_id: input.action_id })))
  )
  const recorded = recordKaspiAnswerStep(
    transform({ input, answer }, ({ input, answer }) => ({ action_id: input.action_id, answer: answer ?? { kind: "skipped" as const } }))
  )

  // Cancelled on Kaspi: Medusa follows exactly as for a cancel made on Kaspi (fulfilments, order, loop guard).
  when("kaspi-action-cancel-follow-up", { recorded }, ({ recorded }) => recorded.follow_up === "cancel").then(() => {
    syncKaspiStatusWorkflow.runAsStep({
      input: transform({ recorded }, ({ recorded }) => ({
        account_id: recorded.account_id,
        kaspi_order_id: recorded.kaspi_order_id,
        kaspi_code: recorded.code,
        order_id: recorded.order_id as string,
        previous_status: recorded.previous_status,
        status: "CANCELLED",
        state: recorded.state,
        cancellation_reason: recorded.payload?.action === "cancel" ? recorded.payload.reason : null,
      })),
    })
  })

  // Handed over with the buyer's code. A line Kaspi cut while the completion waited is followed first:
  // once completed, the Medusa order can no longer follow it (found by the agreement test, issue #13).
  const kaspiLines = when("kaspi-action-complete-read-lines", { recorded }, ({ recorded }) => recorded.follow_up === "complete").then(() =>
    readKaspiLinesStep(transform({ recorded }, ({ recorded }) => ({ account_id: recorded.account_id, code: recorded.code })))
  )
  when("kaspi-action-complete-follow-lines", { kaspiLines }, ({ kaspiLines }) => Boolean(kaspiLines)).then(() => {
    followKaspiOrderLinesWorkflow.runAsStep({
      input: transform({ recorded, kaspiLines }, ({ recorded, kaspiLines }) => ({
        order_id: recorded.order_id as string,
        kaspi_entries: kaspiLines!.entries,
        kaspi_total: kaspiLines!.total,
        actor: KASPI_ORIGIN,
      })),
    })
  })
  when("kaspi-action-complete-follow-up", { recorded }, ({ recorded }) => recorded.follow_up === "complete").then(() => {
    completeMedusaOrderWorkflow.runAsStep({
      input: transform({ recorded }, ({ recorded }) => ({ order_id: recorded.order_id as string, origin: MERCHANT_ACTION_ORIGIN })),
    })
    logKaspiOrderEventStep(
      transform({ recorded }, ({ recorded }) => ({
        account_id: recorded.account_id,
        kaspi_order_id: recorded.kaspi_order_id,
        kaspi_code: recorded.code,
        type: "medusa.order_completed",
        result: "ok" as const,
        message: "Handed over with the buyer's code: Medusa order delivered and completed",
        text: { code: "medusa.order_completed" as const, params: { why: "code" } },
      }))
    ).config({ name: "log-kaspi-action-completed" })
  })

  // Part of a line cancelled on Kaspi: the Medusa order is edited and Kaspi's refund recorded.
  when("kaspi-action-cancel-entry-follow-up", { recorded }, ({ recorded }) => recorded.follow_up === "cancel_entry").then(() => {
    const reduced = reduceMedusaOrderLineWorkflow.runAsStep({
      input: transform({ recorded }, ({ recorded }) => {
        const p = recorded.payload?.action === "cancel_entry" ? recorded.payload : null
        return {
          order_id: recorded.order_id as string,
          kaspi_entry_id: p?.entry_id ?? "",
          remained_quantity: p?.remained_quantity ?? 0,
          actor: MERCHANT_ACTION_ORIGIN,
        }
      }),
    })
    logKaspiOrderEventStep(
      transform({ recorded, reduced }, ({ recorded, reduced }): KaspiEventInput => {
        const quantity = recorded.payload?.action === "cancel_entry" ? recorded.payload.remained_quantity : 0
        const refunded = Number(reduced?.refunded ?? 0)
        if (reduced?.order_canceled) {
          return {
            account_id: recorded.account_id,
            kaspi_order_id: recorded.kaspi_order_id,
            kaspi_code: recorded.code,
            type: "medusa.order_edit_skipped",
            result: "ok" as const,
            message: `Kaspi cut the line to ${quantity}; the Medusa order is already canceled, so nothing was edited`,
            text: { code: "medusa.order_edit_skipped" as const, params: { quantity } },
          }
        }
        return {
          account_id: recorded.account_id,
          kaspi_order_id: recorded.kaspi_order_id,
          kaspi_code: recorded.code,
          type: "medusa.order_edited",
          result: "ok" as const,
          message: `Line reduced to ${quantity} in Medusa${refunded ? `, ${refunded} ₸ refunded` : ""}`,
          text: { code: "medusa.order_edited" as const, params: { quantity, refunded } },
        }
      })
    ).config({ name: "log-kaspi-action-line-reduced" })
  })

  return new WorkflowResponse(transform({ recorded }, ({ recorded }): SendKaspiActionResult => ({ outcome: recorded.outcome })))
})
