import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { kaspiActionEvent } from "../../modules/kaspi/action-event"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { SendOutcome } from "../../workflows/send-kaspi-action/steps/record-kaspi-answer"
import { deliverKaspiAction } from "./deliver-kaspi-action"
import { attachKaspiWaybills } from "./attach-kaspi-waybills"
import { sendCodeAbandoned, sendCodeText } from "../actions/send-code-outcome"

/**
 * Completion step 1 is never taken over from a sender that died with it (it may
 * have reached Kaspi and texted the buyer): it is closed as "unknown" and shown,
 * and the merchant decides whether to send the code again (API.md a.11, f.10).
 */
async function settleAbandonedSendCodes(kaspi: KaspiModuleService): Promise<number> {
  const d = sendCodeAbandoned()
  const rows = await kaspi.settleAbandonedKaspiActions({ last_error: d.message, error_kind: "unknown", result: { send_code: d.outcome } })
  for (const r of rows) {
    await kaspi.logKaspiEvent(
      kaspiActionEvent(r, { result: "error", message: d.message, text: sendCodeText(d.outcome), data: { action_id: r.id, attempt: r.attempts, send_code: d.outcome } })
    )
  }
  return rows.length
}

/**
 * One pass of the outbox: revives what Kaspi can take again, claims due
 * actions (and those whose sender died) and sends each with the send
 * workflow, then fetches waybills Kaspi has published since. Safe to run on
 * every instance at once: each row is claimed by exactly one.
 */
export async function drainKaspiOutbox(container: MedusaContainer): Promise<Record<SendOutcome, number> & { revived: number; waybills: number }> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const o = kaspi.getResolvedOptions().actions
  const counts = { sent: 0, retry: 0, failed: 0, skipped: 0, revived: 0, waybills: 0 }
  if (o.dryRun) return counts
  counts.failed += await settleAbandonedSendCodes(kaspi)
  // Given up while Kaspi could not be reached (or refused the token): sent again once Kaspi answered a poll since.
  counts.revived = await kaspi.reviveGivenUpKaspiActions({ answeredSince: true }, "kaspi_back")
  const ids = await kaspi.claimKaspiActions({ limit: o.batchSize, leaseSeconds: o.leaseSeconds })
  for (const id of ids) counts[await deliverKaspiAction(container, id, { claimed: true })] += 1
  counts.waybills = await attachKaspiWaybills(container)
  return counts
}
