/**
 * Where waybills go on paper. Units are PDF points (1/72 in); 1 mm = 72 / 25.4 pt.
 * Kaspi's waybill is an A4 portrait page (API.md a.11: a PDF per assembled order),
 * so every cell keeps that shape and is scaled, never cropped.
 */
export const HANDOVER_LAYOUTS = ["a4-1", "a4-4", "thermal-80"] as const
export type HandoverLayout = (typeof HANDOVER_LAYOUTS)[number]

const MM = 72 / 25.4
const A4 = { width: 210 * MM, height: 297 * MM }

export type Box = { x: number; y: number; width: number; height: number }

export type LayoutGeometry = {
  page: { width: number; height: number }
  /** Cells in reading order (left to right, top to bottom); PDF y grows upwards. */
  cells: Box[]
}

function grid(page: { width: number; height: number }, columns: number, rows: number, margin: number, gap: number): Box[] {
  const width = (page.width - 2 * margin - (columns - 1) * gap) / columns
  const height = (page.height - 2 * margin - (rows - 1) * gap) / rows
  const cells: Box[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      cells.push({ x: margin + c * (width + gap), y: page.height - margin - (r + 1) * height - r * gap, width, height })
    }
  }
  return cells
}

/** 80 mm thermal rolls are cut per label; 120 mm holds an A4 waybill scaled to the width. */
const THERMAL = { width: 80 * MM, height: 120 * MM }

export const LAYOUT_GEOMETRY: Record<HandoverLayout, LayoutGeometry> = {
  "a4-1": { page: A4, cells: grid(A4, 1, 1, 6 * MM, 0) },
  "a4-4": { page: A4, cells: grid(A4, 2, 2, 6 * MM, 4 * MM) },
  "thermal-80": { page: THERMAL, cells: grid(THERMAL, 1, 1, 2 * MM, 0) },
}

/** A page of `width`×`height` scaled into `cell`, aspect ratio kept, centred. */
export function fitInto(cell: Box, width: number, height: number): Box {
  const scale = Math.min(cell.width / width, cell.height / height)
  const w = width * scale
  const h = height * scale
  return { x: cell.x + (cell.width - w) / 2, y: cell.y + (cell.height - h) / 2, width: w, height: h }
}
