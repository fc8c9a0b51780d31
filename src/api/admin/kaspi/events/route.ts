import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminKaspiEventsResponse } from "../../../../types"
import type { AdminListKaspiEventsType } from "../validators"

/** GET /admin/kaspi/events: the Kaspi event log (imports, status changes, actions), newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiEventsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiEventsType
  const filters = Object.fromEntries(
    Object.entries({ account_id: q.account_id, kaspi_order_id: q.kaspi_order_id, kaspi_code: q.kaspi_code, type: q.type }).filter(([, v]) => v)
  )
  const [events, count] = await kaspi.listAndCountKaspiEvents(filters, { order: { created_at: "DESC" }, skip: q.offset, take: q.limit })
  res.json({ events, count, offset: q.offset, limit: q.limit })
}
