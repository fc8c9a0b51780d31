import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_ORDER_DISAGREES_EVENT } from "../modules/kaspi/events"
import { notifyAboutKaspiOrder } from "../lib/notifications/kaspi-order-notice"
import type { KaspiDisagreement } from "../lib/actions/disagreement"

/** A Kaspi order flagged as disagreeing with Kaspi: the merchant hears what differs (notifications.kinds.disagreement). */
export default async function kaspiNotifyDisagreement({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyAboutKaspiOrder(container, "disagreement", event.data.id, (row) => (row.disagreement ? (row.disagreement.reason ?? "") : null), (row) => ({
    // Said in the notification's language (say-disagreement.ts); the English reason stays for a kind it does not know.
    disagreement: row.disagreement?.kind ? (row.disagreement as Pick<KaspiDisagreement, "kind" | "action" | "said">) : null,
  }))
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_DISAGREES_EVENT,
  context: { subscriberId: "kaspi-notify-disagreement" },
}
