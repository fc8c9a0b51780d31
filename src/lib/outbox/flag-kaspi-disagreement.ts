import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiDisagreement } from "../actions/disagreement"

/**
 * Marks the order as disagreeing (kaspi_order.disagreement, listed on the
 * Kaspi page until a person resolves it) and says so in its history.
 */
export async function flagKaspiDisagreement(
  kaspi: KaspiModuleService,
  order: { id: string; account_id: string; code: string },
  d: KaspiDisagreement
): Promise<void> {
  await kaspi.flagKaspiOrderDisagreement(order.id, d)
  await kaspi.logKaspiEvent({
    account_id: order.account_id,
    kaspi_order_id: order.id,
    kaspi_code: order.code,
    type: "agreement.disagrees",
    result: "error",
    message: `Medusa and Kaspi disagree: ${d.reason}`,
    text: { code: "agreement.disagrees", params: { reason: d.reason } },
    data: { action_id: d.action_id ?? null, kind: d.kind },
  })
}
