import { InjectManager, MedusaContext } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { KASPI_ACTION_FINAL_STATUSES } from "../models"
import type { KaspiPruneResult, KaspiPruneRun } from "../types"
import type { KaspiEventLog } from "./kaspi-event-log"
import { KaspiSqlService, type KaspiSqlDeps, type SqlContext } from "../sql-service"

type InjectedDependencies = KaspiSqlDeps & {
  kaspiEventLog: KaspiEventLog
}

/** Each run that deleted something is one event of this type, so the admin can say when and how much. */
export const RETENTION_EVENT = "kaspi.retention"
/** Retention is not about one shop: its events carry this account id, not a shop's (shop ids are slugs). */
export const RETENTION_EVENT_ACCOUNT = "*"

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ")

/**
 * Deletes old history (issue #16): events, and outbox rows that are finished.
 * Hard deletes on purpose: a soft-deleted row stays in the table and its
 * indexes, and keeping the tables small is the whole point of retention.
 *
 * Each statement deletes at most `batchSize` rows, oldest first (the
 * created_at indexes), and, called outside a transaction as the job calls it,
 * commits on its own: no statement holds many row locks or a long transaction
 * against the poll, imports and the outbox.
 */
export class KaspiRetention extends KaspiSqlService {
  protected readonly events_: KaspiEventLog

  constructor(deps: InjectedDependencies) {
    super(deps)
    this.events_ = deps.kaspiEventLog
  }

  /** The newest run that deleted something (its RETENTION_EVENT), or null. */
  async lastRun(): Promise<KaspiPruneRun | null> {
    return (await this.events_.latestData(RETENTION_EVENT_ACCOUNT, RETENTION_EVENT)) as KaspiPruneRun | null
  }

  /**
   * Events created before `olderThan`, then finished actions created and last
   * changed before it. Kept whatever their age: pending and sending actions
   * (still on their way to Kaspi), and the action a still-flagged order's
   * disagreement is about (kaspi_order.disagreement.action_id: a later success
   * of that row is what clears the flag, and a person settling it reads it).
   * Stops at `maxBatches` statements per table; `capped` says rows may remain.
   */
  @InjectManager()
  async prune(
    opts: { olderThan: Date; batchSize: number; maxBatches: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiPruneResult> {
    const manager = sharedContext.manager!
    const events = await this.inBatches_(manager, opts, (limit) => [
      `delete from kaspi_event where id in (
         select id from kaspi_event where deleted_at is null and created_at < ? order by created_at limit ?)
       returning id`,
      [opts.olderThan, limit],
    ])
    const actions = await this.inBatches_(manager, opts, (limit) => [
      `delete from kaspi_action where id in (
         select a.id from kaspi_action a
         where a.deleted_at is null and a.created_at < ? and a.updated_at < ?
           and a.status in (${placeholders(KASPI_ACTION_FINAL_STATUSES)})
           and not exists (select 1 from kaspi_order o
                           where o.disagreement is not null and o.deleted_at is null and o.disagreement->>'action_id' = a.id)
         order by a.created_at limit ?)
       returning id`,
      [opts.olderThan, opts.olderThan, ...KASPI_ACTION_FINAL_STATUSES, limit],
    ])
    return {
      events: events.rows,
      actions: actions.rows,
      batches: { events: events.batches, actions: actions.batches },
      capped: events.capped || actions.capped,
    }
  }

  /** Runs one delete statement after another until one deletes less than a full batch, or the cap. */
  private async inBatches_(
    manager: EntityManager,
    opts: { batchSize: number; maxBatches: number },
    statement: (limit: number) => [string, unknown[]]
  ): Promise<{ rows: number; batches: number; capped: boolean }> {
    let rows = 0
    for (let batches = 1; batches <= opts.maxBatches; batches++) {
      const [sql, params] = statement(opts.batchSize)
      const deleted = ((await manager.execute(sql, params)) as unknown[]).length
      rows += deleted
      if (deleted < opts.batchSize) return { rows, batches, capped: false }
    }
    return { rows, batches: opts.maxBatches, capped: true }
  }
}
