import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { KaspiPollClaim, KaspiPollResult } from "../types"
import { KaspiSqlService, type SqlContext } from "../sql-service"

/**
 * Who polls each shop now (kaspi_sync_state): a lease in the database, so
 * several Medusa instances poll one shop one at a time, and a poller that died
 * frees the shop one lease after its last renewal.
 */
export class KaspiPollLease extends KaspiSqlService {

  /**
   * Takes the poll of one account for this tick when it is due and nobody else
   * holds it. Several Medusa instances may call this at the same moment; the
   * single UPDATE lets exactly one of them win.
   */
  @InjectManager()
  async claim(
    accountId: string,
    opts: { dueAfterSeconds: number; leaseSeconds: number; owner: string; force?: boolean },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiPollClaim | null> {
    const manager = sharedContext.manager!
    await manager.execute(
      `insert into kaspi_sync_state (id, account_id) values (?, ?)
       on conflict (account_id) where deleted_at is null do nothing`,
      [generateEntityId(undefined, "ksync"), accountId]
    )
    const rows = await manager.execute(
      `update kaspi_sync_state set lease_until = now() + (? * interval '1 second'), lease_owner = ?, updated_at = now()
       where account_id = ? and deleted_at is null
         and (lease_until is null or lease_until < now())
         and (? or last_new_poll_at is null or last_new_poll_at <= now() - (? * interval '1 second'))
       returning last_new_poll_at, last_status_sync_at, synced_until`,
      [opts.leaseSeconds, opts.owner, accountId, Boolean(opts.force), opts.dueAfterSeconds]
    )
    return (rows[0] as KaspiPollClaim | undefined) ?? null
  }

  /**
   * Extends the poll lease while its owner is still working, so a poll that
   * lasts longer than the lease (a big backlog) keeps the account to itself,
   * while a poller that died still frees it one lease after its last renewal.
   */
  @InjectManager()
  async renew(
    accountId: string,
    owner: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<boolean> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_sync_state set lease_until = now() + (? * interval '1 second'), updated_at = now()
       where account_id = ? and lease_owner = ? and deleted_at is null
       returning id`,
      [leaseSeconds, accountId, owner]
    )
    return rows.length > 0
  }

  /** Ends a poll: records how far it got (on success) and releases the lease. */
  @InjectManager()
  async finish(accountId: string, result: KaspiPollResult, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update kaspi_sync_state set lease_until = null, lease_owner = null, updated_at = now(),
         last_new_poll_at = case when ? then ? else last_new_poll_at end,
         synced_until = case when ? and ? then ? else synced_until end,
         last_status_sync_at = case when ? and ? then ? else last_status_sync_at end,
         last_success_at = case when ? then now() else last_success_at end,
         last_stats = coalesce(?::jsonb, last_stats),
         last_error = ?
       where account_id = ? and lease_owner = ?`,
      [
        result.ok, result.polledAt,
        result.ok, Boolean(result.wholeArchive), result.polledAt,
        result.ok, result.statusSynced, result.polledAt,
        result.ok,
        result.stats === undefined ? null : JSON.stringify(result.stats),
        result.error ?? null,
        accountId,
        result.owner,
      ]
    )
  }
}
