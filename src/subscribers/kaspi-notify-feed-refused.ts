import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { KASPI_FEED_REFUSED_EVENT } from "../workflows/build-kaspi-feed"
import { notifyKaspi } from "../lib/notifications/notify-kaspi"
import { feedRefusalText } from "../lib/feed/guards"

/** A price list the guards held back (Kaspi keeps the last one): the merchant hears why (notifications.kinds.feed_refused). */
export default async function kaspiNotifyFeedRefused({ event, container }: SubscriberArgs<{ account_id: string; build_id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [build] = await kaspi.listKaspiFeedBuilds({ id: event.data.build_id }, { select: ["id", "message", "refusal_code", "diff"] })
  // Said in the notification's language from the refusal's code; the English message for anything else.
  const text = build ? feedRefusalText(build) : null
  await notifyKaspi(container, { kind: "feed_refused", account_id: event.data.account_id, subject: "feed", reason: build?.message, reason_text: text })
}

export const config: SubscriberConfig = {
  event: KASPI_FEED_REFUSED_EVENT,
  context: { subscriberId: "kaspi-notify-feed-refused" },
}
