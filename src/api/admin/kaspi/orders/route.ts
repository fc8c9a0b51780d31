import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import type { AdminListKaspiOrdersType } from "../validators"
import type { AdminKaspiOrderListItem, AdminKaspiOrdersListResponse } from "../../../../types"
import { KASPI_ORDER_LIST_FIELDS } from "./list-fields"
import { withImportTexts } from "./import-texts"
import { withDeadlines } from "./with-deadlines"
import { LIST_COUNT_CAP, toKaspiOrderFilters, type CappedCount, type KaspiOrderListFilter } from "../../../../modules/kaspi/capped-count"

type Counts = Record<string, CappedCount>

/**
 * A pasted whole code finds its order through the code index, the same at any history size; only when no
 * order has that code is the text searched as part of a code, through the trigram index (docs/scaling.md).
 */
async function countWithCodeSearch(
  kaspi: KaspiModuleService,
  asked: KaspiOrderListFilter,
  text: string | undefined,
  statuses: string[]
): Promise<{ filter: KaspiOrderListFilter; byStatus: Counts }> {
  if (!text) return { filter: asked, byStatus: await kaspi.countKaspiOrdersByImportStatusUpTo(asked, statuses, LIST_COUNT_CAP) }
  const exact = { ...asked, code: text }
  const byCode = await kaspi.countKaspiOrdersByImportStatusUpTo(exact, statuses, LIST_COUNT_CAP)
  if (Object.values(byCode).some((c) => c.count > 0)) return { filter: exact, byStatus: byCode }
  const contains = { ...asked, code_contains: text }
  return { filter: contains, byStatus: await kaspi.countKaspiOrdersByImportStatusUpTo(contains, statuses, LIST_COUNT_CAP) }
}

/** The order in which the Kaspi page lists import statuses: what needs a person first. */
const STATUS_PRIORITY = ["needs_attention", "failed", "importing", "pending", "imported", "ignored"]

/**
 * GET /admin/kaspi/orders: Kaspi orders with their import status, newest first,
 * those needing attention first when no import_status filter is given.
 */
export async function GET(req: MedusaRequest<unknown, AdminListKaspiOrdersType>, res: MedusaResponse<AdminKaspiOrdersListResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListKaspiOrdersType
  const asked: KaspiOrderListFilter = {
    account_id: q.account_id,
    status: q.status,
    state: q.state,
    // Orders that stopped following Kaspi because its latest answer could not be read.
    sync_problem: q.sync_problem,
    // Orders where Medusa and Kaspi no longer say the same (a person decides).
    disagrees: q.disagrees,
    created_from: q.created_from,
    created_to: q.created_to,
  }
  const statuses = q.import_status ?? STATUS_PRIORITY
  // Counting per status keeps "needs attention first" exact across pages without loading everything; each
  // count stops at LIST_COUNT_CAP, so a year of imported orders costs no more than a week's (docs/scaling.md).
  const wanted = STATUS_PRIORITY.filter((s) => statuses.includes(s as never))
  const { filter, byStatus } = await countWithCodeSearch(kaspi, asked, q.q, wanted)
  const counts = wanted.map((status) => ({ status, ...(byStatus[status] ?? { count: 0, capped: false }) }))
  const total = counts.reduce((n, c) => n + c.count, 0)
  const orders: Array<Omit<AdminKaspiOrderListItem, "deadline">> = []
  let skip = q.offset
  for (const { status, count, capped } of counts) {
    if (orders.length >= q.limit) break
    // A capped group has more rows than its count: paging past the cap reads on in it, not into the next group.
    if (skip >= count && !capped) {
      skip -= count
      continue
    }
    const page = await kaspi.listKaspiOrders(
      toKaspiOrderFilters({ ...filter, import_status: status }),
      { select: [...KASPI_ORDER_LIST_FIELDS], order: { kaspi_created_at: "DESC" }, skip, take: q.limit - orders.length }
    )
    // sync_problem and unmapped_skus are json columns: the import writes them in these shapes.
    orders.push(...(page as Array<Omit<AdminKaspiOrderListItem, "deadline">>))
    skip = 0
  }
  res.json({
    kaspi_orders: withDeadlines(kaspi, await withImportTexts(kaspi, orders)),
    count: total,
    count_capped: counts.some((c) => c.capped),
    offset: q.offset,
    limit: q.limit,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.count])),
  })
}
