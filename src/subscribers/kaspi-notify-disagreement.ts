import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_ORDER_DISAGREES_EVENT } from "../modules/kaspi/events"
import { notifyAboutKaspiOrder } from "../lib/notifications/kaspi-order-notice"

/** A Kaspi order flagged as disagreeing with Kaspi: the merchant hears what differs (notifications.kinds.disagreement). */
export default async function kaspiNotifyDisagreement({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyAboutKaspiOrder(container, "disagreement", event.data.id, (row) => (row.disagreement ? (row.disagreement.reason ?? "") : null))
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_DISAGREES_EVENT,
  context: { subscriberId: "kaspi-notify-disagreement" },
}
