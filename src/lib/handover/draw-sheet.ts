import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib"
import { almatyDateTime } from "./almaty-time"
import type { HandoverPlan } from "./plan-handover"
import { itemLines, rollHeight, SHEET_GEOMETRY, type SheetGeometry, type SheetItem } from "./sheet-layout"
import type { SheetTexts } from "./sheet-texts"

export type SheetHeader = { shop: string; date: string; texts: SheetTexts }

/** Cuts text to `width` with an ellipsis: a long city name must not run into the next column. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text
  let cut = text
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1)
  return `${cut}…`
}

function courierWindow(from: number | null, to: number | null): string {
  if (from === null && to === null) return "—"
  if (from === null || to === null) return almatyDateTime((from ?? to) as number)
  return `${almatyDateTime(from)} – ${almatyDateTime(to)}`
}

/** Column starts as shares of the text width: code, packages, city, window (A4: one line per order). */
const A4_COLUMNS = [0, 0.2, 0.3, 0.55]
/** On an 80 mm roll the window takes the second line of each row. */
const ROLL_COLUMNS = [0, 0.42, 0.55]

/** Draws the hand-over sheet's pages, as paginated in the plan, at the end of `doc`. */
export function drawSheet(doc: PDFDocument, font: PDFFont, plan: HandoverPlan, header: SheetHeader): void {
  const g = SHEET_GEOMETRY[plan.layout]
  const t = header.texts
  const packages = plan.rows.reduce((sum, r) => sum + r.packages, 0)
  for (const items of plan.sheet_pages) {
    const page = doc.addPage([g.width, g.height ?? rollHeight(items, g)])
    let top = page.getHeight() - g.margin
    const textWidth = g.width - 2 * g.margin
    const text = (s: string, x: number, lineOffset: number, opts: { size?: number; width?: number } = {}) => {
      const size = opts.size ?? g.fontSize
      page.drawText(fit(s, font, size, opts.width ?? textWidth - x), { x: g.margin + x, y: top - (lineOffset + 1) * g.lineHeight + 3, size, font })
    }
    for (const item of items) {
      drawItem(item, { page, g, t, text, textWidth, top, plan, header, packages })
      top -= itemLines(item, g) * g.lineHeight
    }
  }
}

type Ctx = {
  page: PDFPage
  g: SheetGeometry
  t: SheetTexts
  text: (s: string, x: number, lineOffset: number, opts?: { size?: number; width?: number }) => void
  textWidth: number
  top: number
  plan: HandoverPlan
  header: SheetHeader
  packages: number
}

function drawItem(item: SheetItem, c: Ctx): void {
  const { g, t, text, textWidth, plan } = c
  const roll = g.rowLines > 1
  const cols = (roll ? ROLL_COLUMNS : A4_COLUMNS).map((share) => share * textWidth)
  const colWidth = (i: number) => (cols[i + 1] ?? textWidth) - cols[i] - 4
  const rule = (lineOffset: number) =>
    c.page.drawLine({
      start: { x: g.margin, y: c.top - lineOffset * g.lineHeight },
      end: { x: g.margin + textWidth, y: c.top - lineOffset * g.lineHeight },
      thickness: 0.5,
      color: rgb(0.4, 0.4, 0.4),
    })
  switch (item.kind) {
    case "title":
      text(t.title, 0, 0, { size: g.fontSize + 3 })
      text(c.header.shop, 0, 1.2)
      text(`${t.date}: ${c.header.date}`, 0, 2.1)
      text(t.summary(plan.rows.length, c.packages), 0, 3)
      return
    case "table_head": {
      const heads = [t.columns.code, t.columns.packages, t.columns.city, t.columns.window]
      const shown = roll ? heads.slice(0, 3) : heads
      shown.forEach((h, i) => text(h, cols[i], 0.2, { width: colWidth(i) }))
      rule(1.3)
      return
    }
    case "row": {
      const r = plan.rows[item.index]
      const cells = [r.code, String(r.packages), r.city ?? "—"]
      cells.forEach((s, i) => text(s, cols[i], 0, { width: colWidth(i) }))
      const window = courierWindow(r.courier_window_from, r.courier_window_to)
      if (roll) text(window, 8, 0.9)
      else text(window, cols[3], 0, { width: colWidth(3) })
      return
    }
    case "left_out_head":
      text(t.leftOut, 0, 1.2, { size: g.fontSize + 1 })
      return
    case "left_out": {
      const l = plan.left_out[item.index]
      text(`${l.code} — ${t.reasons[l.reason]}`, 0, 0)
      return
    }
    case "signatures":
      for (const [i, who] of [t.courier, t.merchant].entries()) {
        const line = 2 + i * 2.5
        text(`${who}:`, 0, line)
        const y = c.top - (line + 1) * g.lineHeight + 2
        const x0 = g.margin + textWidth * (roll ? 0.3 : 0.2)
        c.page.drawLine({ start: { x: x0, y }, end: { x: g.margin + textWidth, y }, thickness: 0.5, color: rgb(0, 0, 0) })
        text(t.signature, textWidth * (roll ? 0.3 : 0.2), line + 0.9, { size: g.fontSize - 2 })
      }
      return
  }
}
