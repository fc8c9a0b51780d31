import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { KaspiOrder as KaspiApiOrder } from "../client"
import { importStatusTransition, KaspiImportTransitionError, type KaspiImportActor, type KaspiImportState } from "../import-status"
import { kaspiOrderRecordValues } from "../kaspi-order-record"
import type { KaspiImportStatus } from "../models"
import type { KaspiImportClaimedFrom, KaspiImportOutcome, KaspiImportReleaser, KaspiOrderRecordUpsert } from "../types"
import { KASPI_ORDER_DISAGREES_EVENT, KASPI_ORDER_NEEDS_ATTENTION_EVENT } from "../events"
import type { KaspiSignals } from "./kaspi-signals"
import { KaspiSqlService, type KaspiSqlDeps, type SqlContext } from "../sql-service"

/** Reads and compare-and-sets before giving up on a row other writers keep moving. */
const CAS_ATTEMPTS = 3

type InjectedDependencies = KaspiSqlDeps & {
  kaspiSignals: KaspiSignals
}

/** What an import_status move writes besides the status (as finishKaspiOrderImport always did). */
interface ImportFields {
  reason?: string | null
  /** undefined keeps the linked order; null (an undone import) clears it. */
  order_id?: string | null
  unmapped_skus?: string[] | null
}

/**
 * The Kaspi orders the plugin knows (kaspi_order) and where each one's import
 * stands. Every import_status move is checked against import-status.ts and
 * written as a compare-and-set on the row as it was read (one statement, no
 * transaction held), so two pollers on two machines cannot both import an
 * order and an illegal move throws instead of writing. What needs a person
 * (an order newly unreadable, an import ending needs_attention or failed, a
 * disagreement) is announced on the event bus (events.ts).
 */
export class KaspiOrderLedger extends KaspiSqlService {
  protected readonly signals_: KaspiSignals

  constructor(deps: InjectedDependencies) {
    super(deps)
    this.signals_ = deps.kaspiSignals
  }

  /**
   * Inserts the Kaspi order, or refreshes what Kaspi says about it, in one
   * statement: the (account_id, kaspi_id) unique index makes a concurrent
   * second poller update the same row instead of adding another.
   */
  @InjectManager()
  async upsert(accountId: string, order: KaspiApiOrder, @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiOrderRecordUpsert> {
    const v = kaspiOrderRecordValues(accountId, order)
    const rows = await sharedContext.manager!.execute(
      `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, delivery_mode, is_kaspi_delivery,
         pre_order, signature_required, assembled, pickup_point_id, total_price, raw_total_price, delivery_cost,
         raw_delivery_cost, customer_phone, cancellation_reason, waybill_url, kaspi_created_at, kaspi_approved_at,
         planned_delivery_at, courier_planned_at, courier_handed_at, raw)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict (account_id, kaspi_id) where deleted_at is null do update set
         state = excluded.state, status = excluded.status, assembled = excluded.assembled,
         delivery_mode = excluded.delivery_mode, pre_order = excluded.pre_order,
         signature_required = excluded.signature_required, total_price = excluded.total_price,
         raw_total_price = excluded.raw_total_price, delivery_cost = excluded.delivery_cost,
         raw_delivery_cost = excluded.raw_delivery_cost,
         -- Kaspi masks the phone once an order is archived: keep the real one we saw earlier.
         customer_phone = coalesce(excluded.customer_phone, kaspi_order.customer_phone),
         cancellation_reason = excluded.cancellation_reason,
         waybill_url = coalesce(excluded.waybill_url, kaspi_order.waybill_url),
         planned_delivery_at = excluded.planned_delivery_at,
         -- A credit order is approved after the buyer signs: its approval time arrives with a later read.
         kaspi_approved_at = coalesce(excluded.kaspi_approved_at, kaspi_order.kaspi_approved_at),
         courier_planned_at = coalesce(excluded.courier_planned_at, kaspi_order.courier_planned_at),
         courier_handed_at = coalesce(excluded.courier_handed_at, kaspi_order.courier_handed_at),
         -- A status-only read comes without entries: keep the lines Kaspi sent with an earlier read.
         raw = case when excluded.raw->'entries' = '[]'::jsonb and jsonb_typeof(kaspi_order.raw->'entries') = 'array'
                     and kaspi_order.raw->'entries' <> '[]'::jsonb
                    then jsonb_set(excluded.raw, '{entries}', kaspi_order.raw->'entries')
                    else excluded.raw end,
         sync_problem = null, updated_at = now()
       returning id, import_status, status, (xmax = 0) as inserted,
         (select k.status from kaspi_order k where k.id = kaspi_order.id) as previous_status`,
      [
        generateEntityId(undefined, "kord"),
        accountId,
        v.kaspi_id,
        v.code,
        v.state,
        v.status,
        v.delivery_mode,
        v.is_kaspi_delivery,
        v.pre_order,
        v.signature_required,
        v.assembled,
        v.pickup_point_id,
        v.total_price,
        JSON.stringify({ value: String(v.total_price), precision: 20 }),
        v.delivery_cost,
        v.delivery_cost === null ? null : JSON.stringify({ value: String(v.delivery_cost), precision: 20 }),
        v.customer_phone,
        v.cancellation_reason,
        v.waybill_url,
        v.kaspi_created_at,
        v.kaspi_approved_at,
        v.planned_delivery_at,
        v.courier_planned_at,
        v.courier_handed_at,
        JSON.stringify(v.raw),
      ]
    )
    const row = rows[0] as KaspiOrderRecordUpsert
    return { ...row, inserted: Boolean(row.inserted) }
  }

  /**
   * Keeps an order Kaspi sent in a shape the plugin cannot read, so it is
   * visible (as failed, with the validation error) instead of silently lost.
   * One upsert, so the `unreadable` rule of import-status.ts is spelled in SQL
   * here: an order made in Medusa, or held by a running import, keeps its
   * import status and gets the problem beside it (sync_problem), so the admin
   * shows that it no longer follows Kaspi, and why.
   */
  @InjectManager()
  async recordInvalid(
    accountId: string,
    invalid: { id?: string; code?: string; reason: string; raw: unknown },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ id: string; newly_flagged: boolean } | null> {
    const raw = (invalid.raw ?? {}) as { attributes?: Record<string, unknown> }
    const attrs = raw.attributes ?? {}
    const text = (v: unknown) => (typeof v === "string" && v.length ? v.slice(0, 200) : null)
    const kaspiId = invalid.id ?? (invalid.code ? `code:${invalid.code}` : null)
    if (!kaspiId) return null
    const sent = typeof attrs.creationDate === "number" ? new Date(attrs.creationDate) : null
    // Whatever Kaspi sent as the date, the record must be writable (an out-of-range date is not).
    const created = sent && Number.isFinite(sent.getTime()) ? sent : new Date()
    const reason = `Kaspi sent this order in a shape the plugin cannot read: ${invalid.reason}`
    const problem = JSON.stringify({ kind: "unreadable", reason: invalid.reason, at: new Date().toISOString() })
    const held = `(kaspi_order.order_id is not null
      or (kaspi_order.import_status = 'importing' and kaspi_order.import_lease_until > now()))`
    const rows = await sharedContext.manager!.execute(
      `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, total_price, raw_total_price,
         kaspi_created_at, raw, import_status, import_reason)
       values (?, ?, ?, ?, ?, ?, 0, '{"value":"0","precision":20}'::jsonb, ?, ?::jsonb, 'failed', ?)
       on conflict (account_id, kaspi_id) where deleted_at is null do update set
         import_status = case when ${held} then kaspi_order.import_status else 'failed' end,
         import_reason = case when ${held} then kaspi_order.import_reason else excluded.import_reason end,
         sync_problem = case when not ${held} then kaspi_order.sync_problem
           when kaspi_order.sync_problem->>'reason' = ? then kaspi_order.sync_problem else ?::jsonb end,
         updated_at = now()
       returning id, (xmax = 0) as inserted,
         (select coalesce(k.sync_problem->>'reason', k.import_reason) from kaspi_order k where k.id = kaspi_order.id) as previous_reason`,
      [
        generateEntityId(undefined, "kord"),
        accountId,
        kaspiId,
        invalid.code ?? kaspiId,
        text(attrs.state) ?? "UNKNOWN",
        text(attrs.status) ?? "UNKNOWN",
        created,
        JSON.stringify(invalid.raw ?? null),
        reason,
        invalid.reason,
        problem,
      ]
    )
    const row = rows[0] as { id: string; inserted: boolean; previous_reason: string | null } | undefined
    if (!row) return null
    const newly = row.inserted || (row.previous_reason !== invalid.reason && row.previous_reason !== reason)
    if (newly) await this.signals_.emit(KASPI_ORDER_NEEDS_ATTENTION_EVENT, { id: row.id, text: { code: "sync.unreadable", params: { reason: invalid.reason } } })
    return { id: row.id, newly_flagged: newly }
  }

  /**
   * Takes the order for one import attempt, or answers null when it is imported,
   * ignored or held by another import whose lease has not run out (the `claim`
   * rule). A compare-and-set: the update only lands on the row as it was read,
   * so two pollers cannot both win.
   */
  @InjectManager()
  async claim(
    id: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ id: string; previous_import_status: string } | null> {
    const manager = sharedContext.manager!
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const row = await this.read_(manager, id)
      if (!row || row.deleted || !importStatusTransition(row, "importing", "claim").allowed) return null
      const set = `import_status = 'importing', import_lease_until = now() + (? * interval '1 second'),
         attempts = attempts + 1, last_attempt_at = now(), updated_at = now()`
      if (await this.compareAndSet_(manager, id, row, set, [leaseSeconds])) return { id, previous_import_status: row.status }
    }
    return null
  }

  /** Ends an import attempt with its outcome (the lease is released). */
  @InjectManager()
  async finish(id: string, outcome: KaspiImportOutcome, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const { import_status: to, reason, order_id, unmapped_skus } = outcome
    await this.move_(sharedContext.manager!, id, to, "finish", { reason: reason ?? null, order_id, unmapped_skus })
    if (to === "needs_attention" || to === "failed") await this.signals_.emit(KASPI_ORDER_NEEDS_ATTENTION_EVENT, { id, text: outcome.text ?? null })
  }

  /** The order disagrees with Kaspi (kaspi_order.disagreement, listed until resolved). */
  @InjectManager()
  async flagDisagreement(id: string, disagreement: Record<string, unknown>, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await sharedContext.manager!.execute(`update kaspi_order set disagreement = ?::jsonb, updated_at = now() where id = ?`, [JSON.stringify(disagreement), id])
    await this.signals_.emit(KASPI_ORDER_DISAGREES_EVENT, { id })
  }

  /** Puts the order back in the import queue: a person's retry, a SKU now mapped, or an undone finish (which unlinks). */
  @InjectManager()
  async release(id: string, by: KaspiImportReleaser, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.move_(sharedContext.manager!, id, "pending", by, by === "undo_finish" ? { order_id: null } : {})
  }

  /** The claim's compensation: gives the order back in the status the claim found it in (lease released). */
  @InjectManager()
  async undoClaim(id: string, previous: KaspiImportClaimedFrom, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    await this.move_(sharedContext.manager!, id, previous, "undo_claim", {})
  }

  /**
   * Imported orders still waiting for acceptance on Kaspi that no accept was
   * ever asked for: what auto-accept missed when a process died between an
   * import and its `kaspi.order.imported` event (events are not transactional).
   */
  @InjectManager()
  async listMissingAccept(
    accountId: string,
    opts: { importedBeforeSeconds: number; limit: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<Array<{ id: string; account_id: string; code: string }>> {
    return sharedContext.manager!.execute(
      `select k.id, k.account_id, k.code from kaspi_order k
        where k.account_id = ? and k.deleted_at is null
          and k.import_status = 'imported' and k.status = 'APPROVED_BY_BANK'
          and k.last_attempt_at < now() - make_interval(secs => ?)
          and not exists (select 1 from kaspi_action a
                           where a.kaspi_order_id = k.id and a.action = 'accept' and a.deleted_at is null)
        -- Closest to its acceptance deadline first (deadline.ts: the deadline follows the approval time).
        order by coalesce(k.kaspi_approved_at, k.kaspi_created_at), k.id
        limit ?`,
      [accountId, opts.importedBeforeSeconds, opts.limit]
    )
  }

  /** The row's import state as it is now; null when there is no such row. */
  private async read_(manager: EntityManager, id: string): Promise<(KaspiImportState & { deleted: boolean }) | null> {
    const rows = await manager.execute(
      `select import_status as status, order_id is not null as linked,
         coalesce(import_lease_until > now(), false) as lease_live, deleted_at is not null as deleted
       from kaspi_order where id = ?`,
      [id]
    )
    const row = rows[0] as { status: KaspiImportStatus; linked: boolean; lease_live: boolean; deleted: boolean } | undefined
    return row ? { status: row.status, linked: row.linked, leaseLive: row.lease_live, deleted: row.deleted } : null
  }

  /**
   * Writes `set` only if the row still is what the transition was decided on
   * (status, linked, lease live): one statement, no transaction to hold. False
   * when another writer moved the row in between (the caller reads again).
   */
  private async compareAndSet_(manager: EntityManager, id: string, was: KaspiImportState, set: string, setParams: unknown[]): Promise<boolean> {
    const rows = await manager.execute(
      `update kaspi_order set ${set}
       where id = ? and import_status = ? and (order_id is not null) = ?
         and coalesce(import_lease_until > now(), false) = ?
       returning id`,
      [...setParams, id, was.status, was.linked, was.leaseLive]
    )
    return rows.length > 0
  }

  /** Checks the move against import-status.ts and writes it; nothing is written for a row that does not exist. */
  private async move_(manager: EntityManager, id: string, to: KaspiImportStatus, by: KaspiImportActor, fields: ImportFields): Promise<void> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const row = await this.read_(manager, id)
      if (!row) return
      const verdict = importStatusTransition(row, to, by)
      if (!verdict.allowed) throw new KaspiImportTransitionError(id, verdict.why)
      const set = `import_status = ?, import_reason = ?, order_id = case when ? then ? else order_id end,
         unmapped_skus = ?::jsonb, import_lease_until = null, updated_at = now()`
      const params = [
        to,
        fields.reason ?? null,
        fields.order_id !== undefined,
        fields.order_id ?? null,
        fields.unmapped_skus?.length ? JSON.stringify(fields.unmapped_skus) : null,
      ]
      if (await this.compareAndSet_(manager, id, row, set, params)) return
    }
    throw new KaspiImportTransitionError(id, `the order kept changing under ${by} (${CAS_ATTEMPTS} tries)`)
  }
}
