import type { HandoverLayout } from "./layouts"

/**
 * The hand-over sheet, cut into pages before anything is drawn, so the plan
 * (and the route's `pages`) knows the page count the PDF will have.
 */
export type SheetItem =
  | { kind: "title" }
  | { kind: "table_head" }
  | { kind: "row"; index: number }
  | { kind: "left_out_head" }
  | { kind: "left_out"; index: number }
  | { kind: "signatures" }

export type SheetGeometry = {
  width: number
  /** null: a roll, one page as long as its content. */
  height: number | null
  margin: number
  fontSize: number
  lineHeight: number
  /** Lines per order row: an 80 mm roll puts the courier window on a second line. */
  rowLines: number
}

const MM = 72 / 25.4
const A4_SHEET: SheetGeometry = { width: 210 * MM, height: 297 * MM, margin: 15 * MM, fontSize: 10, lineHeight: 15, rowLines: 1 }

export const SHEET_GEOMETRY: Record<HandoverLayout, SheetGeometry> = {
  "a4-1": A4_SHEET,
  "a4-4": A4_SHEET,
  "thermal-80": { width: 80 * MM, height: null, margin: 3 * MM, fontSize: 7, lineHeight: 10, rowLines: 2 },
}

/** Height of an item in lines. */
export function itemLines(item: SheetItem, g: SheetGeometry): number {
  switch (item.kind) {
    case "title":
      return 4
    case "table_head":
      return 1.5
    case "row":
    case "left_out":
      return g.rowLines
    case "left_out_head":
      return 2.5
    case "signatures":
      return 7
  }
}

/** The sheet's items, page by page; the table's head is repeated on a page that continues it. */
export function paginateSheet(rows: number, leftOut: number, g: SheetGeometry): SheetItem[][] {
  const items: SheetItem[] = [{ kind: "title" }, { kind: "table_head" }]
  for (let i = 0; i < rows; i++) items.push({ kind: "row", index: i })
  if (leftOut > 0) items.push({ kind: "left_out_head" })
  for (let i = 0; i < leftOut; i++) items.push({ kind: "left_out", index: i })
  items.push({ kind: "signatures" })
  if (g.height === null) return [items]

  const capacity = Math.floor((g.height - 2 * g.margin) / g.lineHeight)
  const pages: SheetItem[][] = [[]]
  let used = 0
  for (const item of items) {
    const need = itemLines(item, g)
    if (used + need > capacity && pages[pages.length - 1].length > 0) {
      pages.push([])
      used = 0
      if (item.kind === "row") {
        pages[pages.length - 1].push({ kind: "table_head" })
        used += itemLines({ kind: "table_head" }, g)
      }
    }
    pages[pages.length - 1].push(item)
    used += need
  }
  return pages
}

/** The height a roll page needs for its items. */
export function rollHeight(items: SheetItem[], g: SheetGeometry): number {
  return 2 * g.margin + items.reduce((sum, item) => sum + itemLines(item, g), 0) * g.lineHeight
}
