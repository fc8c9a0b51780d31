import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiOrderListItem, KaspiText } from "../../../../types"

/** Import statuses whose reason the admin shows. */
const WITH_REASON = ["needs_attention", "failed", "ignored"]

/**
 * The code and parameters of each order's import reason (issue #19). kaspi_order
 * keeps the English `import_reason` only; the code sits in the data of the
 * import event written with it, so the newest import event of each order is read.
 */
export async function withImportTexts<T extends Omit<AdminKaspiOrderListItem, "deadline">>(kaspi: KaspiModuleService, orders: T[]): Promise<T[]> {
  const ids = orders.filter((o) => o.import_reason && WITH_REASON.includes(o.import_status)).map((o) => o.id)
  if (!ids.length) return orders.map((o) => ({ ...o, import_text: null }))
  const events = await kaspi.listKaspiEvents(
    { kaspi_order_id: ids, type: WITH_REASON.map((s) => `import.${s}`) },
    { select: ["kaspi_order_id", "data", "created_at"], order: { created_at: "DESC" } }
  )
  const texts = new Map<string, KaspiText | null>()
  for (const e of events) {
    if (!e.kaspi_order_id || texts.has(e.kaspi_order_id)) continue
    const data = e.data as { code?: KaspiText["code"]; params?: KaspiText["params"] } | null
    texts.set(e.kaspi_order_id, data?.code ? { code: data.code, params: data.params ?? {} } : null)
  }
  return orders.map((o) => ({ ...o, import_text: texts.get(o.id) ?? null }))
}
