import type { IFulfillmentModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"

type KaspiActionRow = Awaited<ReturnType<KaspiModuleService["listKaspiActions"]>>[number]


/** How long after ASSEMBLE the plugin keeps looking for the waybill before it says so. */
export const WAYBILL_GIVE_UP_MS = 30 * 60 * 1000

/**
 * Kaspi publishes the waybill of an assembled Kaspi Delivery order a few
 * seconds after ASSEMBLE. For each sent ASSEMBLE still without one: re-read
 * the order by code; once the waybill is there, download the PDF (with the
 * token, from Kaspi's own host only), store it with Medusa's File module and
 * attach it to the fulfilment as its label.
 */
export async function attachKaspiWaybills(container: MedusaContainer, limit = 20): Promise<number> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const ids = await kaspi.listKaspiActionsAwaitingWaybill(limit)
  const waiting = ids.length ? await kaspi.listKaspiActions({ id: ids }, { order: { sent_at: "ASC" } }) : []
  let attached = 0
  for (const a of waiting) if (await attachKaspiWaybill(container, a)) attached += 1
  return attached
}

/**
 * One sent ASSEMBLE: its waybill fetched, stored and attached if Kaspi has
 * published it. Also how the hand-over print fetches a waybill still missing
 * when it is asked for (lib/handover). True when attached.
 */
export async function attachKaspiWaybill(container: MedusaContainer, a: KaspiActionRow): Promise<boolean> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const done = async (result: Record<string, unknown>) =>
    kaspi.finishKaspiAction(a.id, { status: "sent", result: { ...((a.result as object) ?? {}), ...result, waybill_done: true } })
  try {
    const order = await (await kaspi.getClient(a.account_id)).getOrderByCode(a.code, { includeEntries: false })
    const url = order?.attributes.kaspiDelivery?.waybill
    if (!url) {
      if (a.sent_at && Date.now() - new Date(a.sent_at).getTime() > WAYBILL_GIVE_UP_MS) {
        await done({ waybill_error: "Kaspi published no waybill within 30 minutes" })
      }
      return false
    }
    const pdf = await (await kaspi.getClient(a.account_id)).downloadWaybill(url)
    const file = await container.resolve(Modules.FILE).createFiles({
      filename: `kaspi-waybill-${a.code}.pdf`,
      mimeType: "application/pdf",
      content: pdf.toString("base64"),
      access: "private",
    })
    const number = order?.attributes.kaspiDelivery?.waybillNumber ?? a.code
    const fulfillmentId = (a.payload as { fulfillment_id?: string }).fulfillment_id ?? (await latestFulfillment(query, a.order_id))
    if (fulfillmentId) {
      const fulfillment = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
      await fulfillment.updateFulfillment(fulfillmentId, {
        labels: [{ tracking_number: number, tracking_url: url, label_url: file.url }],
      })
    }
    await kaspi.updateKaspiOrders({ id: a.kaspi_order_id, waybill_url: url })
    await done({ waybill_url: url, waybill_number: number, label_url: file.url, file_id: file.id, fulfillment_id: fulfillmentId ?? null })
    await kaspi.logKaspiEvent({
      account_id: a.account_id,
      kaspi_order_id: a.kaspi_order_id,
      kaspi_code: a.code,
      type: "waybill.attached",
      result: "ok",
      message: `Waybill ${number} attached${fulfillmentId ? ` to fulfilment ${fulfillmentId}` : ""}`,
      text: { code: "waybill.attached", params: { number: number ?? null } },
      data: { label_url: file.url },
    })
    return true
  } catch (e) {
    await kaspi.logKaspiEvent({
      account_id: a.account_id,
      kaspi_order_id: a.kaspi_order_id,
      kaspi_code: a.code,
      type: "waybill.failed",
      result: "error",
      message: `Could not fetch the waybill yet: ${(e as Error).message}`,
      text: { code: "waybill.failed", params: { error: (e as Error).message } },
    })
    return false
  }
}

type FulfillmentRead = { id: string; canceled_at: string | Date | null; created_at: string | Date }

async function latestFulfillment(query: Pick<RemoteQueryFunction, "graph">, orderId: string | null): Promise<string | undefined> {
  if (!orderId) return undefined
  const { data } = await query.graph({ entity: "order", fields: ["fulfillments.id", "fulfillments.canceled_at", "fulfillments.created_at"], filters: { id: orderId } })
  const fulfillments = ((data[0] as { fulfillments?: FulfillmentRead[] | null } | undefined)?.fulfillments ?? [])
  const live = fulfillments.filter((f) => !f.canceled_at)
  return live.sort((x, y) => String(y.created_at).localeCompare(String(x.created_at)))[0]?.id
}
