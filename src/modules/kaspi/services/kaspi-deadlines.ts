import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import { DEADLINE_DUE_AT_SQL, DEADLINE_KIND_SQL, DEADLINE_STATUSES, type KaspiDueOrder } from "../deadline"
import { KaspiSqlService, type SqlContext } from "../sql-service"

/**
 * Orders by their next deadline (deadline.ts), what is due first at the top:
 * the Kaspi page's "due" list and the deadline warnings. Only the statuses
 * that can have one are read (the account/status index), a few hundred open
 * orders even for a busy shop, whatever the history.
 */
export class KaspiDeadlines extends KaspiSqlService {

  @InjectManager()
  async listDue(
    opts: { accountId?: string; acceptWithinMinutes: number; dueBefore?: Date; limit: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiDueOrder[]> {
    const rows = (await sharedContext.manager!.execute(
      `select * from (
         select k.id, k.kaspi_id, k.account_id, k.code, k.status, k.order_id, ${DEADLINE_KIND_SQL} as kind, ${DEADLINE_DUE_AT_SQL} as due_at
         from kaspi_order k
         where k.deleted_at is null and k.import_status <> 'ignored'
           and k.status in (${DEADLINE_STATUSES.map(() => "?").join(", ")})
           and (?::text is null or k.account_id = ?)
       ) d
       where d.due_at is not null and (?::timestamptz is null or d.due_at <= ?)
       order by d.due_at, d.id
       limit ?`,
      [
        opts.acceptWithinMinutes,
        ...DEADLINE_STATUSES,
        opts.accountId ?? null,
        opts.accountId ?? null,
        opts.dueBefore ?? null,
        opts.dueBefore ?? null,
        opts.limit,
      ]
    )) as Array<Omit<KaspiDueOrder, "due_at"> & { due_at: Date | string }>
    return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }))
  }
}
