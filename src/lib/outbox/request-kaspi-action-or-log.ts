import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import { kaspiActionEvent } from "../../modules/kaspi/action-event"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiActionPayload } from "../actions/kaspi-actions"
import { disagreementAfterRuleRefusal } from "../actions/disagreement"
import { flagKaspiDisagreement } from "./flag-kaspi-disagreement"
import { requestKaspiAction } from "./request-kaspi-action"

/**
 * For subscribers: asks for a Kaspi action and, when it cannot be taken (Kaspi's
 * rules refuse it), writes why into the order's history instead of throwing:
 * the Medusa change already happened and the merchant must see that Kaspi was
 * not told. A cancel made on Medusa's own screens that Kaspi's rules refuse
 * also flags the order as disagreeing: Medusa has cancelled, Kaspi has not.
 * (A fulfilment or a received return Kaspi's rules refuse is only written to
 * the history: Kaspi moves those orders on by itself.)
 */
export async function requestKaspiActionOrLog(
  container: MedusaContainer,
  row: { id: string; account_id: string; code: string },
  payload: KaspiActionPayload,
  origin: string,
  whatHappened: string
): Promise<void> {
  try {
    await requestKaspiAction(container, { kaspi_order: row.id, payload, origin })
  } catch (e) {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    await kaspi.logKaspiEvent(
      kaspiActionEvent({ account_id: row.account_id, kaspi_order_id: row.id, code: row.code, action: payload.action }, {
        result: "error",
        message: `${whatHappened}: ${(e as Error).message}`,
        // A refusal by the action rules keeps its code; any other error is shown as it was said.
        text: { code: "action.not_requested", params: { action: payload.action, origin, error: (e as Error).message } },
      })
    )
    // A workflow hands its step's error back as a copy, not a MedusaError instance: read its type.
    if (origin === "order.canceled" && (e as { type?: string }).type === MedusaError.Types.NOT_ALLOWED) {
      await flagKaspiDisagreement(kaspi, row, disagreementAfterRuleRefusal(payload.action, origin, e.message))
    }
  }
}
