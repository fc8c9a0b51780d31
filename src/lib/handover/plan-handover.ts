import { LAYOUT_GEOMETRY, type HandoverLayout } from "./layouts"
import { paginateSheet, SHEET_GEOMETRY, type SheetItem } from "./sheet-layout"

/**
 * Why a selected order is not on the print. Every selected order is either
 * printed or listed with one of these: the courier checks the sheet against
 * the parcels, so an order missing without a word would be a parcel left behind.
 */
export const HANDOVER_LEFT_OUT_REASONS = [
  "not_found",
  "not_kaspi_delivery",
  "not_active",
  "not_assembled",
  "waybill_not_issued",
  "waybill_unreadable",
] as const
export type HandoverLeftOutReason = (typeof HANDOVER_LEFT_OUT_REASONS)[number]

/** What the planner needs to know about one selected Kaspi order. */
export type HandoverCandidate = {
  kaspi_order_id: string
  code: string
  /** false when the id matched no Kaspi order */
  found: boolean
  kaspi_delivery: boolean
  /** still with the merchant: not cancelled, returned or completed */
  active: boolean
  assembled: boolean
  /** numberOfSpace sent with ASSEMBLE (API.md a.11), 1 when unknown */
  packages: number
  city: string | null
  /** epoch ms: Kaspi's planned courier hand-over and planned delivery (API.md a.1 kaspiDelivery) */
  courier_window_from: number | null
  courier_window_to: number | null
  /** pages of the stored waybill PDF; "not_issued" while Kaspi has not published it */
  waybill: { pages: number } | "not_issued" | "unreadable"
}

export type HandoverRow = Omit<HandoverCandidate, "found" | "kaspi_delivery" | "active" | "assembled" | "waybill">
export type HandoverLeftOut = { kaspi_order_id: string; code: string; reason: HandoverLeftOutReason }
/** One waybill page in one cell: `row` indexes `rows`. */
export type HandoverCell = { row: number; waybill_page: number; cell: number }

export type HandoverPlan = {
  layout: HandoverLayout
  rows: HandoverRow[]
  left_out: HandoverLeftOut[]
  waybill_pages: HandoverCell[][]
  sheet_pages: SheetItem[][]
  pages: number
}

function leftOutReason(c: HandoverCandidate): HandoverLeftOutReason | null {
  if (!c.found) return "not_found"
  if (!c.kaspi_delivery) return "not_kaspi_delivery"
  if (!c.active) return "not_active"
  if (!c.assembled) return "not_assembled"
  if (c.waybill === "not_issued") return "waybill_not_issued"
  if (c.waybill === "unreadable" || c.waybill.pages < 1) return "waybill_unreadable"
  return null
}

/** Earliest courier hand-over first (the first courier takes the first parcels), then by code; no window last. */
function byCourierWindow(a: HandoverRow, b: HandoverRow): number {
  const at = a.courier_window_from ?? Number.POSITIVE_INFINITY
  const bt = b.courier_window_from ?? Number.POSITIVE_INFINITY
  return at !== bt ? at - bt : a.code.localeCompare(b.code)
}

/** Pure: which waybill page goes in which cell of which page, the sheet's rows and pages, and who is left out. */
export function planHandover(candidates: HandoverCandidate[], layout: HandoverLayout): HandoverPlan {
  const printed: Array<{ row: HandoverRow; pages: number }> = []
  const left_out: HandoverLeftOut[] = []
  for (const c of candidates) {
    const reason = leftOutReason(c)
    if (reason) {
      left_out.push({ kaspi_order_id: c.kaspi_order_id, code: c.code, reason })
      continue
    }
    const { found: _f, kaspi_delivery: _k, active: _a, assembled: _s, waybill, ...row } = c
    printed.push({ row, pages: (waybill as { pages: number }).pages })
  }
  printed.sort((a, b) => byCourierWindow(a.row, b.row))
  left_out.sort((a, b) => a.code.localeCompare(b.code))

  const perPage = LAYOUT_GEOMETRY[layout].cells.length
  const waybill_pages: HandoverCell[][] = []
  let slot = 0
  printed.forEach((p, row) => {
    for (let page = 0; page < p.pages; page++) {
      if (slot % perPage === 0) waybill_pages.push([])
      waybill_pages[waybill_pages.length - 1].push({ row, waybill_page: page, cell: slot % perPage })
      slot += 1
    }
  })
  const rows = printed.map((p) => p.row)
  const sheet_pages = paginateSheet(rows.length, left_out.length, SHEET_GEOMETRY[layout])
  return { layout, rows, left_out, waybill_pages, sheet_pages, pages: waybill_pages.length + sheet_pages.length }
}
