import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_ORDER_NEEDS_ATTENTION_EVENT } from "../modules/kaspi/events"
import { notifyAboutKaspiOrder } from "../lib/notifications/kaspi-order-notice"
import type { KaspiText } from "../types"

/**
 * A Kaspi order that did not become a Medusa order (needs attention, failed)
 * or that Kaspi now sends unreadable: the merchant hears why
 * (notifications.kinds.needs_attention). Imported meanwhile: nothing to say.
 */
export default async function kaspiNotifyNeedsAttention({ event, container }: SubscriberArgs<{ id: string; text?: KaspiText | null }>) {
  await notifyAboutKaspiOrder(
    container,
    "needs_attention",
    event.data.id,
    (row) => {
      if (row.sync_problem) return row.sync_problem.reason ?? ""
      return row.import_status === "needs_attention" || row.import_status === "failed" ? (row.import_reason ?? "") : null
    },
    // The reason's code comes with the event: said in the notification's language (the English words are the fallback).
    { reason_text: event.data.text ?? null }
  )
}

export const config: SubscriberConfig = {
  event: KASPI_ORDER_NEEDS_ATTENTION_EVENT,
  context: { subscriberId: "kaspi-notify-needs-attention" },
}
