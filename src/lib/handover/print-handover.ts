import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AdminKaspiHandoverResponse } from "../../types/admin-handover"
import { almatyDate } from "./almaty-time"
import { collectHandoverOrders, type HandoverSelection } from "./collect-handover-orders"
import type { HandoverLayout } from "./layouts"
import { planHandover } from "./plan-handover"
import { renderHandoverPdf } from "./render-handover-pdf"
import { SHEET_TEXTS, type HandoverLanguage } from "./sheet-texts"

export type HandoverRequest = Omit<HandoverSelection, "date"> & {
  date?: string
  layout: HandoverLayout
  language: HandoverLanguage
  shop: string
}

const at = (ms: number | null) => (ms === null ? null : new Date(ms))

/** Selected orders → waybills fetched if missing → plan → PDF stored with the File module, as the waybills are. */
export async function printHandover(container: MedusaContainer, r: HandoverRequest): Promise<AdminKaspiHandoverResponse["handover"]> {
  const today = almatyDate(Date.now())
  // Ticked orders are printed whatever their day; without them, the day's (today's by default).
  const date = r.date ?? (r.kaspiOrderIds ? undefined : today)
  const { candidates, waybills } = await collectHandoverOrders(container, { accountId: r.accountId, kaspiOrderIds: r.kaspiOrderIds, date })
  const plan = planHandover(candidates, r.layout)
  const pdf = await renderHandoverPdf(
    plan,
    plan.rows.map((row) => waybills.get(row.kaspi_order_id)!),
    { shop: r.shop, date: date ?? today, texts: SHEET_TEXTS[r.language] }
  )
  const file = await container.resolve(Modules.FILE).createFiles({
    filename: `kaspi-handover-${date ?? today}-${r.layout}.pdf`,
    mimeType: "application/pdf",
    content: Buffer.from(pdf).toString("base64"),
    access: "private",
  })
  return {
    file_url: file.url,
    file_id: file.id,
    pages: plan.pages,
    layout: r.layout,
    printed: plan.rows.map((row) => ({
      kaspi_order_id: row.kaspi_order_id,
      code: row.code,
      packages: row.packages,
      city: row.city,
      courier_window_from: at(row.courier_window_from),
      courier_window_to: at(row.courier_window_to),
    })),
    left_out: plan.left_out,
  }
}
