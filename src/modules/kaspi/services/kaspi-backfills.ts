import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { KaspiBackfillProgress, KaspiBackfillRow } from "../types"
import { KaspiSqlService, type SqlContext } from "../sql-service"

/** Matches the unique partial index of kaspi_backfill (models/kaspi-backfill.ts). */
const ACTIVE = `status in ('running', 'cancelling') and deleted_at is null`
/** Nobody works on it now: never taken, released, waiting to retry, or its worker's lease ran out. */
const LEASE_FREE = `(lease_owner is null or lease_until is null or lease_until < now())`
/** Due for a slice: released, or its worker's lease (or a failed slice's wait to retry) ran out. */
const DUE = `(lease_until is null or lease_until < now())`

/**
 * Backfills in the database (kaspi_backfill): one active per account (a unique
 * partial index, so two instances or two clicks cannot start two), taken by
 * one worker at a time under a lease, with the cursor stored after every page
 * so a worker that died is resumed by the next one where it stopped.
 */
export class KaspiBackfills extends KaspiSqlService {

  /** Starts a backfill, or answers the one already active for the account. */
  @InjectManager()
  async start(
    input: { account_id: string; from: Date; to: Date; states: string[]; windows_total: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ created: true; backfill: KaspiBackfillRow } | { created: false; active_id: string }> {
    const manager = sharedContext.manager!
    // Twice: the active one may finish between the refused insert and the read.
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await manager.execute(
        `insert into kaspi_backfill (id, account_id, range_from, range_to, states, windows_total, started_at)
         values (?, ?, ?, ?, ?::jsonb, ?, now())
         on conflict (account_id) where ${ACTIVE} do nothing
         returning *`,
        [
          generateEntityId(undefined, "kbf"),
          input.account_id,
          input.from,
          input.to,
          JSON.stringify(input.states),
          input.windows_total,
        ]
      )
      if (inserted[0]) return { created: true, backfill: inserted[0] as KaspiBackfillRow }
      const active = await manager.execute(`select id from kaspi_backfill where account_id = ? and ${ACTIVE}`, [input.account_id])
      if (active[0]) return { created: false, active_id: (active[0] as { id: string }).id }
    }
    throw new Error(`Could not start a backfill of account "${input.account_id}"`)
  }

  /**
   * Takes one active backfill nobody works on (a new one, one released at the
   * end of a slice, or one whose worker died) for this worker. SKIP LOCKED and
   * the lease check in one UPDATE let exactly one instance take it.
   */
  @InjectManager()
  async claim(
    opts: { owner: string; leaseSeconds: number; accountId?: string; exceptIds?: string[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiBackfillRow | null> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_backfill set lease_owner = ?, lease_until = now() + (? * interval '1 second'), updated_at = now()
       where id = (
         select id from kaspi_backfill
         where ${ACTIVE} and ${DUE} and (?::text is null or account_id = ?)
           and id not in (select jsonb_array_elements_text(?::jsonb))
         order by created_at
         limit 1
         for update skip locked)
       returning *`,
      [opts.owner, opts.leaseSeconds, opts.accountId ?? null, opts.accountId ?? null, JSON.stringify(opts.exceptIds ?? [])]
    )
    return (rows[0] as KaspiBackfillRow | undefined) ?? null
  }

  /**
   * Stores the cursor and the page's counts and renews the lease. Answers the
   * backfill's status (a person may have asked to cancel), or null when this
   * worker no longer holds it (its lease ran out and another took it over).
   */
  @InjectManager()
  async saveProgress(
    id: string,
    owner: string,
    progress: KaspiBackfillProgress,
    leaseSeconds: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiBackfillRow["status"] | null> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_backfill set
         windows_total = ?, windows_done = ?, state_index = ?, page = ?,
         current_window_from = ?, current_window_to = ?,
         orders_seen = orders_seen + ?, orders_imported = orders_imported + ?,
         orders_needs_attention = orders_needs_attention + ?, orders_failed = orders_failed + ?,
         failures = 0, error = null,
         lease_until = now() + (? * interval '1 second'), updated_at = now()
       where id = ? and lease_owner = ?
       returning status`,
      [
        progress.windows_total,
        progress.windows_done,
        progress.state_index,
        progress.page,
        progress.current_window ? new Date(progress.current_window.from) : null,
        progress.current_window ? new Date(progress.current_window.to) : null,
        progress.add.seen,
        progress.add.imported,
        progress.add.needs_attention,
        progress.add.failed,
        leaseSeconds,
        id,
        owner,
      ]
    )
    return (rows[0] as { status: KaspiBackfillRow["status"] } | undefined)?.status ?? null
  }

  /** Ends a slice: `done`/`cancelled` for good, or `release` for the next tick to go on. */
  @InjectManager()
  async settle(
    id: string,
    owner: string,
    outcome: "done" | "cancelled" | "release",
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update kaspi_backfill set lease_owner = null, lease_until = null, updated_at = now(),
         status = case when ? = 'release' then status else ? end,
         finished_at = case when ? = 'release' then finished_at else now() end,
         current_window_from = case when ? = 'release' then current_window_from else null end,
         current_window_to = case when ? = 'release' then current_window_to else null end
       where id = ? and lease_owner = ?`,
      [outcome, outcome, outcome, outcome, outcome, id, owner]
    )
  }

  /**
   * A slice that failed (Kaspi down, a timeout): the error is kept and shown,
   * the backfill waits `retryAfterSeconds` and goes on from its cursor; after
   * `maxFailures` in a row, or at once when retrying cannot help, it fails.
   */
  @InjectManager()
  async recordFailure(
    id: string,
    owner: string,
    failure: { error: string; final: boolean; retryAfterSeconds: number; maxFailures: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiBackfillRow["status"] | null> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_backfill set failures = failures + 1, error = ?, updated_at = now(), lease_owner = null,
         lease_until = now() + (? * interval '1 second'),
         status = case when ? or failures + 1 >= ? then 'failed' else status end,
         finished_at = case when ? or failures + 1 >= ? then now() else finished_at end
       where id = ? and lease_owner = ?
       returning status`,
      [failure.error, failure.retryAfterSeconds, failure.final, failure.maxFailures, failure.final, failure.maxFailures, id, owner]
    )
    return (rows[0] as { status: KaspiBackfillRow["status"] } | undefined)?.status ?? null
  }

  /**
   * Asks a backfill to stop. Nobody working on it: cancelled now. A worker on
   * it: `cancelling`, and the worker stops after its current page. Answers the
   * row, or null when there is no such backfill.
   */
  @InjectManager()
  async cancel(id: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiBackfillRow | null> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_backfill set updated_at = now(),
         status = case when status not in ('running', 'cancelling') then status
                       when ${LEASE_FREE} then 'cancelled' else 'cancelling' end,
         finished_at = case when status in ('running', 'cancelling') and ${LEASE_FREE} then now() else finished_at end,
         lease_owner = case when status in ('running', 'cancelling') and ${LEASE_FREE} then null else lease_owner end
       where id = ? and deleted_at is null
       returning *`,
      [id]
    )
    return (rows[0] as KaspiBackfillRow | undefined) ?? null
  }
}
