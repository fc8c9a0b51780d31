import fontkit from "@pdf-lib/fontkit"
import { PDFDocument, rgb } from "pdf-lib"
import { drawSheet, type SheetHeader } from "./draw-sheet"
import { handoverFont } from "./handover-font"
import { fitInto, LAYOUT_GEOMETRY } from "./layouts"
import type { HandoverPlan } from "./plan-handover"

/**
 * The print: the waybill pages placed as the plan says (each scaled into its
 * cell, aspect ratio kept), then the hand-over sheet. `waybills[row]` is the
 * loaded waybill of `plan.rows[row]`.
 */
export async function renderHandoverPdf(plan: HandoverPlan, waybills: PDFDocument[], header: SheetHeader): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  doc.setTitle(`${header.texts.title} ${header.date}`)
  const font = await doc.embedFont(handoverFont(), { subset: true })
  const geometry = LAYOUT_GEOMETRY[plan.layout]
  for (const cells of plan.waybill_pages) {
    const page = doc.addPage([geometry.page.width, geometry.page.height])
    for (const cell of cells) {
      const embedded = await doc.embedPage(waybills[cell.row].getPage(cell.waybill_page))
      const box = fitInto(geometry.cells[cell.cell], embedded.width, embedded.height)
      page.drawPage(embedded, box)
      // A cut line around each of several labels on a sheet.
      if (geometry.cells.length > 1) page.drawRectangle({ ...box, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5, borderDashArray: [3, 3] })
    }
  }
  drawSheet(doc, font, plan, header)
  return doc.save()
}
