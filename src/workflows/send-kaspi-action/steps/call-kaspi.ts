import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import { KaspiApiError } from "../../../modules/kaspi/client"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiActionPayload } from "../../../lib/actions/kaspi-actions"
import { kaspiAnswerFromError, MAX_ACTION_ATTEMPTS, type KaspiAnswer } from "../../../lib/actions/kaspi-answer"
import { sendCodeError, sendCodeTaken } from "../../../lib/actions/send-code-outcome"
import { performKaspiAction } from "../../../lib/outbox/perform-kaspi-action"

/**
 * The one Kaspi call the row stands for, and what Kaspi answered. Nothing is
 * written here (record-kaspi-answer does it) and nothing can be undone: a call
 * Kaspi received cannot be taken back. Completion step 1 has its own rules
 * (sent once per click, API.md a.11, f.10: send-code-outcome.ts).
 */
export const callKaspiStep = createStep("call-kaspi", async (input: { action_id: string }, { container }) => {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiActions({ id: input.action_id })
  if (!row || row.status !== "sending") return new StepResponse<KaspiAnswer>({ kind: "skipped" })
  const payload = row.payload as unknown as KaspiActionPayload
  const ref = { id: row.kaspi_id, code: row.code }

  if (payload.action === "send_code") {
    try {
      const response = await (await kaspi.getClient(row.account_id)).sendCompletionCode(ref)
      return new StepResponse<KaspiAnswer>({ kind: "send_code", decision: sendCodeTaken(response.answer, response.httpStatus, response.raw) })
    } catch (e) {
      if (!(e instanceof KaspiApiError)) throw e
      return new StepResponse<KaspiAnswer>({ kind: "send_code", decision: sendCodeError(e, row.attempts < MAX_ACTION_ATTEMPTS) })
    }
  }
  try {
    const response = await performKaspiAction(await kaspi.getClient(row.account_id), ref, payload)
    return new StepResponse<KaspiAnswer>({ kind: "sent", http_status: response.status ?? null, already: false, kaspi_said: null })
  } catch (e) {
    if (!(e instanceof KaspiApiError)) throw e
    return new StepResponse<KaspiAnswer>(kaspiAnswerFromError(e, row.attempts))
  }
})
