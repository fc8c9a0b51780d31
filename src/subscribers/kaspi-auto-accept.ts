import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { KASPI_ORDER_IMPORTED_EVENT } from "../workflows/import-kaspi-order"
import { requestKaspiActionWorkflow } from "../workflows/kaspi-actions"

/**
 * With `orders.autoAccept`, a Kaspi order waiting for acceptance is accepted as
 * soon as it is imported. The import only succeeds when every line is mapped
 * and reserved, so an order in needs_attention is never accepted.
 */
export default async function kaspiAutoAccept({ event, container }: SubscriberArgs<{ id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  if (!kaspi.getResolvedOptions().orders.autoAccept) return
  const [row] = await kaspi.listKaspiOrders({ id: event.data.id })
  if (!row || row.import_status !== "imported" || row.status !== "APPROVED_BY_BANK") return
  try {
    await requestKaspiActionWorkflow(container).run({
      input: { kaspi_order: row.id, payload: { action: "accept" }, origin: "auto-accept" },
    })
  } catch (e) {
    await kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.id,
      kaspi_code: row.code,
      type: "action.accept",
      result: "error",
      message: `Auto-accept not sent: ${(e as Error).message}`,
    })
  }
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_IMPORTED_EVENT,
  context: { subscriberId: "kaspi-auto-accept" },
}
