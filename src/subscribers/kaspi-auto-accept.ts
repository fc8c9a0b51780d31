import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { KASPI_ORDER_IMPORTED_EVENT } from "../workflows/import-kaspi-order"
import { requestKaspiActionOrLog } from "../lib/outbox/request-kaspi-action-or-log"

/**
 * With auto-accept on (`orders.autoAccept`, or Settings → Kaspi), a Kaspi order waiting for acceptance is accepted as
 * soon as it is imported. The import only succeeds when every line is mapped
 * and reserved, so an order in needs_attention is never accepted.
 */
export default async function kaspiAutoAccept({ event, container }: SubscriberArgs<{ id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ id: event.data.id })
  if (!row || row.import_status !== "imported" || row.status !== "APPROVED_BY_BANK") return
  if (!(await kaspi.getOrderOptions(row.account_id)).autoAccept) return
  await requestKaspiActionOrLog(container, row, { action: "accept" }, "auto-accept", "Auto-accept not sent")
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_IMPORTED_EVENT,
  context: { subscriberId: "kaspi-auto-accept" },
}
