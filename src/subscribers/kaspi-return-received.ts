import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { requestKaspiActionOrLog } from "../lib/outbox/request-kaspi-action-or-log"

const COMING_BACK = new Set(["CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURN_ACCEPTED_BY_MERCHANT"])

/** Returned goods received in Medusa for a Kaspi order being cancelled or returned: Kaspi hears ARRIVED_BACKWARD. */
export default async function kaspiReturnReceived({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ order_id: event.data.order_id })
  if (!row || !COMING_BACK.has(row.status)) return
  await requestKaspiActionOrLog(container, row, { action: "arrived_backward" }, "order.return_received", "Return received in Medusa but Kaspi not told")
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "kaspi-return-received" },
}
