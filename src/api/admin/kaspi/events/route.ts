import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiEventsResponse } from "../../../../types"
import type { AdminListKaspiEventsType } from "../validators"
import { LIST_COUNT_CAP } from "../../../../modules/kaspi/capped-count"

/** GET /admin/kaspi/events: the Kaspi event log (imports, status changes, actions), newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiEventsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiEventsType
  const filters = Object.fromEntries(
    Object.entries({ account_id: q.account_id, kaspi_order_id: q.kaspi_order_id, kaspi_code: q.kaspi_code, type: q.type }).filter(([, v]) => v)
  )
  // A year of an account's history is about a million events: the count stops at LIST_COUNT_CAP (docs/scaling.md).
  const [events, { count, capped }] = await Promise.all([
    kaspi.listKaspiEvents(filters, { order: { created_at: "DESC" }, skip: q.offset, take: q.limit }),
    kaspi.countKaspiEventsUpTo(filters, LIST_COUNT_CAP),
  ])
  res.json({ events, count, count_capped: capped, offset: q.offset, limit: q.limit })
}
