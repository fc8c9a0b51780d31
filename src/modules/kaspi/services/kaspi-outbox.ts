import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import { KASPI_ACTIONS_SENT_ONCE, KASPI_GIVEN_UP_KINDS } from "../models"
import type { KaspiAbandonedAction, KaspiActionIntent, KaspiActionOutcome, KaspiRevivedAction } from "../types"
import { KASPI_ACTION_FAILED_EVENT } from "../events"
import type { KaspiSignals } from "./kaspi-signals"
import { KaspiSqlService, type KaspiSqlDeps, type SqlContext } from "../sql-service"

type InjectedDependencies = KaspiSqlDeps & {
  kaspiSignals: KaspiSignals
}

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ")
const REVIVED_COLUMNS = "id, account_id, kaspi_order_id, code, action, error_kind"

/**
 * The actions to send to Kaspi (kaspi_action): written once per idempotency
 * key, taken by one sender at a time under a lease, and closed with what Kaspi
 * answered. Several instances send in parallel without taking the same row.
 * Each action closed as failed (refused, given up, abandoned) is announced on
 * the event bus (KASPI_ACTION_FAILED_EVENT).
 */
export class KaspiOutbox extends KaspiSqlService {
  protected readonly signals_: KaspiSignals

  constructor(deps: InjectedDependencies) {
    super(deps)
    this.signals_ = deps.kaspiSignals
  }

  /**
   * Writes an action to the outbox once: a second request with the same
   * idempotency key (a retried HTTP call, a replayed event, the route and a
   * subscriber asking for the same cancel) returns the row that exists instead
   * of adding another. Asked again after Kaspi refused it or it was given up,
   * the same row is sent again with the newest payload (`revived`): a new
   * attempt of the same intent, never a second action on Kaspi. Rows sent once
   * (KASPI_ACTIONS_SENT_ONCE) are never revived: each click is its own key.
   */
  @InjectManager()
  async enqueue(
    row: KaspiActionIntent,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ id: string; created: boolean; revived: boolean }> {
    const manager = sharedContext.manager!
    const written = await manager.execute(
      `insert into kaspi_action (id, account_id, kaspi_order_id, kaspi_id, code, order_id, action, payload,
         idempotency_key, origin, status, next_attempt_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())
       on conflict (idempotency_key) where deleted_at is null do update set
         status = excluded.status, payload = excluded.payload, origin = excluded.origin, attempts = 0,
         next_attempt_at = now(), lease_until = null, updated_at = now()
       where kaspi_action.status = 'failed' and kaspi_action.action not in (${placeholders(KASPI_ACTIONS_SENT_ONCE)})
       returning id, (xmax = 0) as created`,
      [
        generateEntityId(undefined, "kact"),
        row.account_id,
        row.kaspi_order_id,
        row.kaspi_id,
        row.code,
        row.order_id ?? null,
        row.action,
        JSON.stringify(row.payload),
        row.idempotency_key,
        row.origin,
        row.status,
        ...KASPI_ACTIONS_SENT_ONCE,
      ]
    )
    if (written.length) {
      const w = written[0] as { id: string; created: boolean }
      return { id: w.id, created: Boolean(w.created), revived: !w.created }
    }
    const existing = await manager.execute(`select id from kaspi_action where idempotency_key = ? and deleted_at is null`, [
      row.idempotency_key,
    ])
    return { id: (existing[0] as { id: string }).id, created: false, revived: false }
  }

  /**
   * Rows given up on for a reason that has gone away — Kaspi unreachable or
   * the token refused (KASPI_GIVEN_UP_KINDS), not Kaspi refusing the change —
   * go back to pending: for one account when its token was replaced, or for
   * every account Kaspi has answered a poll for since the row gave up.
   */
  @InjectManager()
  async reviveGivenUp(
    opts: { accountId?: string; answeredSince?: boolean },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiRevivedAction[]> {
    const where: string[] = []
    const params: unknown[] = [...KASPI_GIVEN_UP_KINDS, ...KASPI_ACTIONS_SENT_ONCE]
    if (opts.accountId) {
      where.push("a.account_id = ?")
      params.push(opts.accountId)
    }
    if (opts.answeredSince) {
      where.push(`exists (select 1 from kaspi_sync_state s where s.account_id = a.account_id and s.deleted_at is null
                   and s.last_success_at > a.updated_at)`)
    }
    return (await sharedContext.manager!.execute(
      `update kaspi_action a set status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null, updated_at = now()
       where a.deleted_at is null and a.status = 'failed'
         and a.error_kind in (${placeholders(KASPI_GIVEN_UP_KINDS)})
         and a.action not in (${placeholders(KASPI_ACTIONS_SENT_ONCE)})
         ${where.map((w) => `and ${w}`).join(" ")}
       returning ${REVIVED_COLUMNS}`,
      params
    )) as KaspiRevivedAction[]
  }

  /**
   * Takes actions to send: pending ones that are due, and "sending" ones whose
   * sender died (lease run out) — except those sent once (completion step 1,
   * KASPI_ACTIONS_SENT_ONCE): their request may have reached Kaspi, so they are
   * settled by settleAbandoned instead. SKIP LOCKED + the lease let several
   * instances send in parallel without ever taking the same row.
   */
  @InjectManager()
  async claim(
    opts: { ids?: string[]; limit: number; leaseSeconds: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string[]> {
    const byId = opts.ids?.length ? `and id in (${placeholders(opts.ids)})` : ""
    const rows = await sharedContext.manager!.execute(
      `update kaspi_action set status = 'sending', lease_until = now() + (? * interval '1 second'),
         attempts = attempts + 1, updated_at = now()
       where id in (
         select id from kaspi_action
         where deleted_at is null ${byId}
           and ((status = 'pending' and (next_attempt_at is null or next_attempt_at <= now()))
                or (status = 'sending' and lease_until < now() and action not in (${placeholders(KASPI_ACTIONS_SENT_ONCE)})))
         order by next_attempt_at nulls first, created_at
         limit ?
         for update skip locked)
       returning id`,
      [opts.leaseSeconds, ...(opts.ids ?? []), ...KASPI_ACTIONS_SENT_ONCE, opts.limit]
    )
    return (rows as Array<{ id: string }>).map((r) => r.id)
  }

  /**
   * Rows sent once (KASPI_ACTIONS_SENT_ONCE) whose sender died while they were
   * being sent: never sent again (Kaspi may have taken the request), closed as
   * `failed` with what the caller says (the outcome is unknown) for the
   * merchant to decide. Returns the rows it closed.
   */
  @InjectManager()
  async settleAbandoned(
    outcome: { last_error: string; error_kind: string; result: unknown },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<KaspiAbandonedAction[]> {
    const rows = (await sharedContext.manager!.execute(
      `update kaspi_action set status = 'failed', lease_until = null, next_attempt_at = null, last_error = ?, error_kind = ?,
         result = ?::jsonb, updated_at = now()
       where deleted_at is null and status = 'sending' and lease_until < now()
         and action in (${placeholders(KASPI_ACTIONS_SENT_ONCE)})
       returning id, account_id, kaspi_order_id, code, action, attempts`,
      [outcome.last_error, outcome.error_kind, JSON.stringify(outcome.result), ...KASPI_ACTIONS_SENT_ONCE]
    )) as KaspiAbandonedAction[]
    for (const r of rows) await this.signals_.emit(KASPI_ACTION_FAILED_EVENT, { id: r.id })
    return rows
  }

  /**
   * Sent ASSEMBLE rows whose waybill is not attached yet, oldest first. The
   * filter is in the query: read after the fact, a shop's first few hundred
   * finished rows would hide every newer one.
   */
  @InjectManager()
  async awaitingWaybill(limit: number, @MedusaContext() sharedContext: SqlContext = {}): Promise<string[]> {
    const rows = await sharedContext.manager!.execute(
      `select id from kaspi_action
       where deleted_at is null and action = 'assemble' and status = 'sent'
         and coalesce(result->>'waybill_done', 'false') <> 'true'
       order by sent_at nulls first limit ?`,
      [limit]
    )
    return (rows as Array<{ id: string }>).map((r) => r.id)
  }

  /** Records what came of one send attempt and releases the row. */
  @InjectManager()
  async finish(id: string, outcome: KaspiActionOutcome, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await sharedContext.manager!.execute(
      `update kaspi_action set status = ?, lease_until = null, next_attempt_at = ?, last_error = ?, error_kind = ?,
         result = coalesce(?::jsonb, result), sent_at = case when ? = 'sent' then now() else sent_at end, updated_at = now()
       where id = ?`,
      [
        outcome.status,
        outcome.next_attempt_at ?? null,
        outcome.last_error ?? null,
        outcome.error_kind ?? null,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.status,
        id,
      ]
    )
    if (outcome.status === "failed") await this.signals_.emit(KASPI_ACTION_FAILED_EVENT, { id })
  }
}
