import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiEventsResponse } from "../../../../types"
import type { AdminListKaspiEventsType } from "../validators"
import { LIST_COUNT_CAP, type KaspiEventListFilter } from "../../../../modules/kaspi/capped-count"

/** The query's filters as the model service takes them (the count reads the same ones: capped-count.ts). */
function kaspiEventFilters(q: AdminListKaspiEventsType): KaspiEventListFilter {
  const exact = Object.fromEntries(
    Object.entries({ account_id: q.account_id, kaspi_order_id: q.kaspi_order_id, kaspi_code: q.kaspi_code, type: q.type, result: q.result }).filter(
      ([, v]) => v
    )
  )
  const created_at = { ...(q.created_from ? { $gte: q.created_from } : {}), ...(q.created_to ? { $lte: q.created_to } : {}) }
  return Object.keys(created_at).length ? { ...exact, created_at } : exact
}

/**
 * GET /admin/kaspi/events: the Kaspi event log (imports, status changes,
 * actions), newest first, by shop, order, code, type, result and creation time.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiEventsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiEventsType
  const filters = kaspiEventFilters(q)
  // A year of an account's history is about a million events: the count stops at LIST_COUNT_CAP (docs/scaling.md).
  const [events, { count, capped }] = await Promise.all([
    kaspi.listKaspiEvents(filters, { order: { created_at: "DESC" }, skip: q.offset, take: q.limit }),
    kaspi.countKaspiEventsUpTo(filters, LIST_COUNT_CAP),
  ])
  res.json({ events, count, count_capped: capped, offset: q.offset, limit: q.limit })
}
