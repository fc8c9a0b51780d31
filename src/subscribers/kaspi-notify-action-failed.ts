import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { KASPI_ACTION_FAILED_EVENT } from "../modules/kaspi/events"
import { notifyAboutKaspiOrder } from "../lib/notifications/kaspi-order-notice"

/**
 * A Kaspi action that Kaspi refused, or that was given up on after its
 * retries: the merchant hears which and why (notifications.kinds.action_failed).
 * Sent again and through meanwhile: nothing to say.
 */
export default async function kaspiNotifyActionFailed({ event, container }: SubscriberArgs<{ id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [action] = await kaspi.listKaspiActions({ id: event.data.id })
  if (!action || action.status !== "failed") return
  await notifyAboutKaspiOrder(container, "action_failed", action.kaspi_order_id, () => action.last_error ?? "", { action: action.action })
}

export const config: SubscriberConfig = {
  event: KASPI_ACTION_FAILED_EVENT,
  context: { subscriberId: "kaspi-notify-action-failed" },
}
