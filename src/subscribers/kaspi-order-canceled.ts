import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import type { KaspiCancellationReason } from "../modules/kaspi/client"
import { requestKaspiActionOrLog } from "../lib/outbox/request-kaspi-action-or-log"
import { isFromKaspi } from "../lib/outbox/loop-guard"

/**
 * A Kaspi order cancelled on Medusa's own screens is cancelled on Kaspi, with
 * the Kaspi reason in the order metadata `kaspi_cancel_reason` or the
 * configured default. A cancellation that came from Kaspi, or that Kaspi
 * already confirmed (the Kaspi page's cancel: Kaspi first), is not sent again.
 */
export default async function kaspiOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ order_id: event.data.id })
  if (!row) return
  // Cancelled through the plugin's own action (Kaspi first, then Medusa): the outbox has it already.
  // A cancel Kaspi refused earlier is asked again: Medusa has cancelled now, Kaspi must hear it or the order disagrees.
  const asked = await kaspi.listKaspiActions({ kaspi_order_id: row.id, action: "cancel", status: ["pending", "sending", "sent", "dry_run"] }, { take: 1 })
  if (asked.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { id: event.data.id } })
  const metadata = (data[0]?.metadata ?? {}) as Record<string, unknown>
  if (isFromKaspi(row, metadata, ["CANCELLED", "CANCELLING"])) {
    await kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.id,
      kaspi_code: row.code,
      type: "action.cancel",
      result: "info",
      message: "Not sent to Kaspi: the cancellation came from Kaspi",
      text: { code: "action.not_sent_from_kaspi", params: {} },
    })
    return
  }
  const reason = (metadata.kaspi_cancel_reason as KaspiCancellationReason) ?? kaspi.getResolvedOptions().actions.defaultCancelReason
  // Medusa has no "before cancel" hook: the order is cancelled already, so a refusal from Kaspi flags the
  // order as disagreeing, with Kaspi's words (record-kaspi-answer), and so does a refusal by Kaspi's rules.
  await requestKaspiActionOrLog(
    container,
    row,
    { action: "cancel", reason, comment: (metadata.kaspi_cancel_comment as string) || undefined },
    "order.canceled",
    "Cancelled in Medusa but not on Kaspi"
  )
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "kaspi-order-canceled" },
}
