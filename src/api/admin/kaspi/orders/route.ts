import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminListKaspiOrdersType } from "../validators"
import type { AdminKaspiOrderListItem, AdminKaspiOrdersListResponse } from "../../../../types"
import { KASPI_ORDER_LIST_FIELDS } from "./list-fields"
import { withImportTexts } from "./import-texts"

/** The order in which the Kaspi page lists import statuses: what needs a person first. */
const STATUS_PRIORITY = ["needs_attention", "failed", "importing", "pending", "imported", "ignored"]

/**
 * GET /admin/kaspi/orders: Kaspi orders with their import status, newest first,
 * those needing attention first when no import_status filter is given.
 */
export async function GET(req: MedusaRequest<unknown, AdminListKaspiOrdersType>, res: MedusaResponse<AdminKaspiOrdersListResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiOrdersType
  const filters: Record<string, unknown> = {}
  if (q.account_id) filters.account_id = q.account_id
  if (q.import_status) filters.import_status = q.import_status
  if (q.status) filters.status = q.status
  if (q.state) filters.state = q.state
  // Orders that stopped following Kaspi because its latest answer could not be read.
  if (q.sync_problem !== undefined) filters.sync_problem = q.sync_problem ? { $ne: null } : null
  // Orders where Medusa and Kaspi no longer say the same (a person decides).
  if (q.disagrees !== undefined) filters.disagreement = q.disagrees ? { $ne: null } : null
  if (q.q) filters.code = { $ilike: `%${q.q.replace(/[%_]/g, "")}%` }
  if (q.created_from || q.created_to) {
    filters.kaspi_created_at = {
      ...(q.created_from ? { $gte: q.created_from } : {}),
      ...(q.created_to ? { $lte: q.created_to } : {}),
    }
  }
  const statuses = q.import_status ?? STATUS_PRIORITY
  // Counting per status keeps "needs attention first" exact across pages without loading everything.
  const counts = await Promise.all(
    STATUS_PRIORITY.filter((s) => statuses.includes(s as never)).map(async (s) => {
      const [, count] = await kaspi.listAndCountKaspiOrders({ ...filters, import_status: s }, { take: 1, select: ["id"] })
      return { status: s, count }
    })
  )
  const total = counts.reduce((n, c) => n + c.count, 0)
  const orders: AdminKaspiOrderListItem[] = []
  let skip = q.offset
  for (const { status, count } of counts) {
    if (orders.length >= q.limit) break
    if (skip >= count) {
      skip -= count
      continue
    }
    const page = await kaspi.listKaspiOrders(
      { ...filters, import_status: status },
      { select: [...KASPI_ORDER_LIST_FIELDS], order: { kaspi_created_at: "DESC" }, skip, take: q.limit - orders.length }
    )
    // sync_problem and unmapped_skus are json columns: the import writes them in these shapes.
    orders.push(...(page as AdminKaspiOrderListItem[]))
    skip = 0
  }
  res.json({
    kaspi_orders: await withImportTexts(kaspi, orders),
    count: total,
    offset: q.offset,
    limit: q.limit,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.count])),
  })
}
