import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiText } from "../../types/kaspi-texts"
import { describeLineChanges } from "../orders/kaspi-lines-plan"
import { followKaspiOrderLinesWorkflow } from "../../workflows/follow-kaspi-order-lines"
import { KASPI_ORIGIN } from "./change-origin"

export interface KaspiLineChange {
  accountId: string
  kaspiOrderId: string
  orderId: string
  /** the order with every entry (an entry left out would read as cancelled) */
  order: KaspiOrder
}

export type KaspiLineChangeOutcome = "followed" | "unchanged" | "attention" | "failed"

/**
 * Runs followKaspiOrderLinesWorkflow for an imported order whose lines Kaspi
 * changed, and writes what happened into the order's history. A follow-up
 * Medusa refuses (the workflow has undone it) is written there too instead of
 * stopping the sync: the next order must still be read.
 */
export async function applyKaspiLineChange(container: MedusaContainer, change: KaspiLineChange): Promise<KaspiLineChangeOutcome> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const log = (type: string, result: "ok" | "error", message: string, text: KaspiText, data: Record<string, unknown>) =>
    kaspi.logKaspiEvent({
      account_id: change.accountId,
      kaspi_order_id: change.kaspiOrderId,
      kaspi_code: change.order.code,
      type,
      result,
      message,
      text,
      data: { ...data, medusa_order_id: change.orderId },
    })
  const kaspiTotal = change.order.attributes.totalPrice
  try {
    const { result } = await followKaspiOrderLinesWorkflow(container).run({
      input: {
        order_id: change.orderId,
        kaspi_entries: change.order.entries.map((e) => ({ id: e.id, quantity: e.attributes.quantity })),
        kaspi_total: kaspiTotal,
        actor: KASPI_ORIGIN,
      },
    })
    if (result.reduced.length) {
      const lines = describeLineChanges(result.reduced)
      await log("medusa.lines_followed", "ok", `Lines changed on Kaspi (${lines}): Medusa order edited, ${result.refunded} ₸ refunded`, {
        code: "medusa.lines_followed",
        params: { lines, refunded: result.refunded },
      }, { reduced: result.reduced, refunded: result.refunded })
    }
    if (result.increases.length) {
      const lines = describeLineChanges(result.increases.map((i) => ({ title: i.title, from: i.medusa_quantity, to: i.kaspi_quantity })))
      await log("medusa.lines_raised", "error", `Kaspi shows more than Medusa (${lines}); Medusa was not changed`, {
        code: "medusa.lines_raised",
        params: { lines },
      }, { increases: result.increases })
    }
    if (result.price_differs) {
      await log(
        "medusa.lines_price_differs",
        "error",
        `Kaspi's total is ${kaspiTotal} ₸, Medusa's ${result.medusa_total} ₸, with the same quantities; Medusa's prices were not changed`,
        { code: "medusa.lines_price_differs", params: { kaspi_total: kaspiTotal, medusa_total: result.medusa_total } },
        { kaspi_total: kaspiTotal, medusa_total: result.medusa_total }
      )
    }
    if (result.increases.length || result.price_differs) return "attention"
    return result.reduced.length ? "followed" : "unchanged"
  } catch (e) {
    const error = (e as Error).message
    await log("medusa.lines_follow_failed", "error", `Lines changed on Kaspi, but the Medusa order could not follow: ${error}`, {
      code: "medusa.lines_follow_failed",
      params: { error },
    }, { kaspi_total: kaspiTotal })
    return "failed"
  }
}
