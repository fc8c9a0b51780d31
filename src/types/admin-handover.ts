import type { z } from "@medusajs/framework/zod"
import type { AdminPrintKaspiHandover } from "../api/admin/kaspi/validators"
import type { HandoverLayout } from "../lib/handover/layouts"
import type { HandoverLeftOutReason } from "../lib/handover/plan-handover"

/** POST /admin/kaspi/handover */
export type AdminPrintKaspiHandoverRequest = z.input<typeof AdminPrintKaspiHandover>

export type { HandoverLayout, HandoverLeftOutReason }

/** An order on the print: its waybill placed and its row on the hand-over sheet. */
export interface KaspiHandoverPrinted {
  kaspi_order_id: string
  code: string
  packages: number
  city: string | null
  /** Kaspi's planned courier hand-over, else the planned delivery; `to`: the planned delivery after it */
  courier_window_from: Date | null
  courier_window_to: Date | null
}

export interface KaspiHandoverLeftOut {
  kaspi_order_id: string
  code: string
  reason: HandoverLeftOutReason
}

/** POST /admin/kaspi/handover: the stored PDF and what is (and is not) in it. */
export interface AdminKaspiHandoverResponse {
  handover: {
    file_url: string
    file_id: string
    pages: number
    layout: HandoverLayout
    printed: KaspiHandoverPrinted[]
    left_out: KaspiHandoverLeftOut[]
  }
}
