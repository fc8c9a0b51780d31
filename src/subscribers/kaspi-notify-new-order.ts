import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_ORDER_IMPORTED_EVENT } from "../workflows/import-kaspi-order"
import { notifyAboutKaspiOrder } from "../lib/notifications/kaspi-order-notice"

/** A new Kaspi order in Medusa: the merchant hears of it (notifications.kinds.new_order). */
export default async function kaspiNotifyNewOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyAboutKaspiOrder(container, "new_order", event.data.id)
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_IMPORTED_EVENT,
  context: { subscriberId: "kaspi-notify-new-order" },
}
