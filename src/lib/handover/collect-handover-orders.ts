import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PDFDocument } from "pdf-lib"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { attachKaspiWaybill } from "../outbox/attach-kaspi-waybills"
import { almatyDay } from "./almaty-time"
import type { HandoverCandidate } from "./plan-handover"

type KaspiOrderRow = Awaited<ReturnType<KaspiModuleService["listKaspiOrders"]>>[number]
type KaspiActionRow = Awaited<ReturnType<KaspiModuleService["listKaspiActions"]>>[number]

export type HandoverSelection = { accountId: string; kaspiOrderIds?: string[]; date?: string }
export type CollectedHandover = { candidates: HandoverCandidate[]; waybills: Map<string, PDFDocument> }

/** Kaspi delivers within days of the order; a courier date this far after creation is not looked for. */
const PLANNED_WITHIN_MS = 30 * 24 * 3600 * 1000

type RawAttributes = {
  numberOfSpace?: number | string | null
  deliveryAddress?: { town?: string | null } | null
  kaspiDelivery?: { courierTransmissionPlanningDate?: number | null } | null
  plannedDeliveryDate?: number | null
}

/** Kaspi's order as kept in `raw` (`{ order, entries }`, the JSON:API resource as Kaspi sent it). */
function attributesOf(row: KaspiOrderRow): RawAttributes {
  const raw = row.raw as { order?: { attributes?: RawAttributes } } | null
  return raw?.order?.attributes ?? {}
}

/** Kaspi's planned courier hand-over, else the planned delivery (API.md a.1: kaspiDelivery, plannedDeliveryDate). */
function courierWindow(row: KaspiOrderRow): { from: number | null; to: number | null } {
  const a = attributesOf(row)
  const planned = a.kaspiDelivery?.courierTransmissionPlanningDate ?? null
  const delivery = a.plannedDeliveryDate ?? (row.planned_delivery_at ? new Date(row.planned_delivery_at).getTime() : null)
  return planned === null ? { from: delivery, to: null } : { from: planned, to: delivery !== null && delivery > planned ? delivery : null }
}

/** The rows asked for: by id, or the assembled Kaspi Delivery orders whose courier hand-over is planned on that Almaty day. */
async function selectRows(kaspi: KaspiModuleService, s: HandoverSelection): Promise<KaspiOrderRow[]> {
  if (s.kaspiOrderIds) return kaspi.listKaspiOrders({ id: s.kaspiOrderIds, account_id: s.accountId })
  const day = almatyDay(s.date as string)
  const rows = await kaspi.listKaspiOrders({
    account_id: s.accountId,
    is_kaspi_delivery: true,
    assembled: true,
    status: "ACCEPTED_BY_MERCHANT",
    kaspi_created_at: { $gte: new Date(day.from - PLANNED_WITHIN_MS), $lt: new Date(day.to) },
  })
  return rows.filter((r) => {
    const at = courierWindow(r).from
    return at !== null && at >= day.from && at < day.to
  })
}

/**
 * The waybill PDF of one order: the one stored when it was attached, else
 * fetched now the way the outbox job does (attachKaspiWaybill: Kaspi's URL
 * checked, size-capped download, stored with the File module). An order
 * assembled in the cabinet has no ASSEMBLE row: its waybill link, kept from
 * the order sync, is downloaded with the same client call.
 */
async function waybillBytes(container: MedusaContainer, kaspi: KaspiModuleService, row: KaspiOrderRow, assemble: KaspiActionRow | undefined): Promise<Buffer | null> {
  const stored = (a?: KaspiActionRow) => (a?.result as { file_id?: string } | null)?.file_id
  let action = assemble
  if (action && !stored(action) && (await attachKaspiWaybill(container, action))) {
    ;[action] = await kaspi.listKaspiActions({ id: action.id })
  }
  const fileId = stored(action)
  if (fileId) return container.resolve(Modules.FILE).getAsBuffer(fileId)
  if (!action && row.waybill_url) return (await kaspi.getClient(row.account_id)).downloadWaybill(row.waybill_url)
  return null
}

export async function collectHandoverOrders(container: MedusaContainer, s: HandoverSelection): Promise<CollectedHandover> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const rows = await selectRows(kaspi, s)
  const actions = rows.length ? await kaspi.listKaspiActions({ kaspi_order_id: rows.map((r) => r.id), action: "assemble", status: "sent" }) : []
  const waybills = new Map<string, PDFDocument>()
  const candidates: HandoverCandidate[] = []
  for (const row of rows) {
    const assemble = actions.find((a) => a.kaspi_order_id === row.id)
    const sent = (assemble?.payload as { number_of_space?: number } | undefined)?.number_of_space
    const packages = Number(sent ?? attributesOf(row).numberOfSpace ?? 1) || 1
    const window = courierWindow(row)
    const ready = row.is_kaspi_delivery && row.assembled && row.status === "ACCEPTED_BY_MERCHANT"
    let waybill: HandoverCandidate["waybill"] = "not_issued"
    if (ready) {
      const bytes = await waybillBytes(container, kaspi, row, assemble).catch(() => null)
      if (bytes) {
        const doc = await PDFDocument.load(bytes, { ignoreEncryption: true }).catch(() => null)
        waybill = doc ? { pages: doc.getPageCount() } : "unreadable"
        if (doc) waybills.set(row.id, doc)
      }
    }
    candidates.push({
      kaspi_order_id: row.id,
      code: row.code,
      found: true,
      kaspi_delivery: row.is_kaspi_delivery,
      active: row.status === "ACCEPTED_BY_MERCHANT",
      assembled: row.assembled,
      packages,
      city: attributesOf(row).deliveryAddress?.town ?? null,
      courier_window_from: window.from,
      courier_window_to: window.to,
      waybill,
    })
  }
  for (const id of s.kaspiOrderIds ?? []) {
    if (!rows.some((r) => r.id === id)) candidates.push({ ...NOT_FOUND, kaspi_order_id: id, code: id })
  }
  return { candidates, waybills }
}

const NOT_FOUND: Omit<HandoverCandidate, "kaspi_order_id" | "code"> = {
  found: false,
  kaspi_delivery: false,
  active: false,
  assembled: false,
  packages: 0,
  city: null,
  courier_window_from: null,
  courier_window_to: null,
  waybill: "not_issued",
}
