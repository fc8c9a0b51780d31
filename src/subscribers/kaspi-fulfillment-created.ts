import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { requestKaspiActionOrLog } from "../lib/outbox/request-kaspi-action-or-log"

/**
 * Creating a fulfilment for a Kaspi Delivery order means it is packed: Kaspi
 * hears ASSEMBLE with the number of packages (fulfilment metadata
 * `kaspi_number_of_space`, default 1) and the waybill comes back as the
 * fulfilment's label. Fulfilments the plugin made itself are skipped.
 */
export default async function kaspiFulfillmentCreated({ event, container }: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ order_id: event.data.order_id })
  if (!row?.is_kaspi_delivery) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "fulfillment", fields: ["id", "metadata"], filters: { id: event.data.fulfillment_id } })
  const metadata = (data[0]?.metadata ?? {}) as Record<string, unknown>
  if (metadata.kaspi_origin) return
  const numberOfSpace = Number(metadata.kaspi_number_of_space ?? 1)
  await requestKaspiActionOrLog(
    container,
    row,
    { action: "assemble", number_of_space: numberOfSpace, fulfillment_id: event.data.fulfillment_id },
    "order.fulfillment_created",
    "Fulfilment created in Medusa but ASSEMBLE not sent"
  )
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "kaspi-fulfillment-created" },
}
