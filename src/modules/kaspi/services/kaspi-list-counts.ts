import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  cappedCount,
  kaspiEventListWhere,
  kaspiOrderListWhere,
  type CappedCount,
  type KaspiEventListFilter,
  type KaspiOrderListFilter,
} from "../capped-count"
import { KaspiSqlService, type SqlContext } from "../sql-service"

/**
 * Counts for the admin's lists that stop at a cap (capped-count.ts): the
 * rows are counted through the list's own index, and never more than cap+1 of
 * them, so a page view costs the same at 1,000 orders and at 100,000.
 */
export class KaspiListCounts extends KaspiSqlService {

  /**
   * The Kaspi orders under the list's filter, once per import status, in one statement: the list counts
   * every status group on every page view, and one round trip and one plan cost less than six.
   */
  @InjectManager()
  async ordersByImportStatus(
    filter: Omit<KaspiOrderListFilter, "import_status">,
    statuses: string[],
    cap: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<Record<string, CappedCount>> {
    if (!statuses.length) return {}
    const where = kaspiOrderListWhere(filter)
    const rows = await sharedContext.manager!.execute(
      `select s.status, (select count(*)::int from (select 1 from kaspi_order where import_status = s.status and ${where.sql} limit ?) t) as n
       from unnest(array[${statuses.map(() => "?").join(", ")}]::text[]) as s(status)`,
      [...where.params, cap + 1, ...statuses]
    )
    return Object.fromEntries((rows as Array<{ status: string; n: number }>).map((r) => [r.status, cappedCount(Number(r.n), cap)]))
  }

  @InjectManager()
  async events(filter: KaspiEventListFilter, cap: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<CappedCount> {
    const { sql, params } = kaspiEventListWhere(filter)
    return this.upTo(sharedContext.manager!, `select 1 from kaspi_event where ${sql}`, params, cap)
  }

  private async upTo(manager: EntityManager, rowsSql: string, params: unknown[], cap: number): Promise<CappedCount> {
    const [row] = await manager.execute(`select count(*)::int as n from (${rowsSql} limit ?) t`, [...params, cap + 1])
    return cappedCount(Number((row as { n: number }).n), cap)
  }
}
