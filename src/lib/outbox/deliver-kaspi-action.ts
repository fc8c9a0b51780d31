import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { disagreementAfterFollowUp } from "../actions/disagreement"
import { sendKaspiActionWorkflow } from "../../workflows/send-kaspi-action"
import { flagKaspiDisagreement } from "./flag-kaspi-disagreement"
import type { SendOutcome } from "../../workflows/send-kaspi-action/steps/record-kaspi-answer"

/**
 * Runs the send workflow for one row. When Kaspi took the action but the
 * Medusa follow-up failed (its steps undone), the row stays sent and the order
 * is flagged as disagreeing, with Medusa's words, instead of the error
 * escaping: Kaspi's call cannot be taken back, a person decides.
 */
export async function deliverKaspiAction(container: MedusaContainer, actionId: string, opts: { claimed?: boolean } = {}): Promise<SendOutcome> {
  try {
    const { result } = await sendKaspiActionWorkflow(container).run({ input: { action_id: actionId, claimed: opts.claimed } })
    return result.outcome
  } catch (e) {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const [row] = await kaspi.listKaspiActions({ id: actionId })
    if (row?.status !== "sent") throw e
    const said = (e as Error).message
    const order = { id: row.kaspi_order_id, account_id: row.account_id, code: row.code }
    await flagKaspiDisagreement(kaspi, order, disagreementAfterFollowUp({ id: row.id, action: row.action }, said))
    await kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.kaspi_order_id,
      kaspi_code: row.code,
      type: "medusa.follow_up_failed",
      result: "error",
      message: `Kaspi took ${row.action} but the Medusa order could not follow: ${said}`,
      text: { code: "medusa.follow_up_failed", params: { action: row.action, error: said } },
      data: { action_id: row.id },
    })
    return "sent"
  }
}
