import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { KaspiImportResult, KaspiImportState } from "../client"
import { KASPI_CARD_RESENDABLE, type KaspiCardState } from "../models"
import { cardStateOf } from "../../../lib/cards/card-result"
import { KaspiSqlService, type SqlContext } from "../sql-service"


const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ")
/** Rows per insert statement: Postgres takes at most 65,535 parameters per statement. */
const CLAIM_BATCH = 500
/** A card left "sending" this long (its sender died) may be claimed again. */
const STALE_SENDING_MINUTES = 10

export interface KaspiCardToClaim {
  product_id: string
  variant_id: string
  sku: string
  category: string
  card: object
  card_hash: string
}

/** What a claimed card was before the claim, for its release; null when the claim created it. */
export interface KaspiCardClaim {
  sku: string
  previous: {
    product_id: string
    variant_id: string
    category: string
    card: unknown
    card_hash: string
    import_id: string | null
    state: KaspiCardState
    messages: unknown
  } | null
}

export interface KaspiDueCardImport {
  id: string
  account_id: string
  import_code: string
  sent_at: Date
}

/**
 * The card ledger (kaspi_card, kaspi_card_import): which card was last sent
 * for each shop and SKU, and the imports that carried them. Sending is
 * idempotent in the database: a claim takes a SKU only when its card changed
 * or Kaspi did not take the last one, so two concurrent sends, or a second
 * click, of an unchanged product claim nothing.
 */
export class KaspiCardLedger extends KaspiSqlService {

  /**
   * Claims the cards to send ("sending"): inserted, or updated where the hash
   * differs from the one last sent or the last send failed (KASPI_CARD_RESENDABLE).
   * One statement: a concurrent claim of the same SKU waits on the unique
   * (account_id, sku) index and then finds the hash already there.
   */
  @InjectManager()
  async claim(accountId: string, cards: KaspiCardToClaim[], @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiCardClaim[]> {
    const claimed: KaspiCardClaim[] = []
    for (let i = 0; i < cards.length; i += CLAIM_BATCH) {
      const batch = cards.slice(i, i + CLAIM_BATCH)
      const params: unknown[] = [accountId, ...batch.map((c) => c.sku)]
      for (const c of batch) {
        params.push(generateEntityId(undefined, "kcard"), accountId, c.product_id, c.variant_id, c.sku, c.category, JSON.stringify(c.card), c.card_hash)
      }
      params.push(...KASPI_CARD_RESENDABLE)
      const rows = (await sharedContext.manager!.execute(
        `with prev as (
           select sku, product_id, variant_id, category, card, card_hash, import_id, state, messages
           from kaspi_card where account_id = ? and sku in (${placeholders(batch)}) and deleted_at is null
         ), up as (
           insert into kaspi_card (id, account_id, product_id, variant_id, sku, category, card, card_hash, import_id, state, messages)
           values ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?::jsonb, ?, null, 'sending', '[]'::jsonb)").join(", ")}
           on conflict (account_id, sku) where deleted_at is null do update set
             product_id = excluded.product_id, variant_id = excluded.variant_id, category = excluded.category, card = excluded.card,
             card_hash = excluded.card_hash, import_id = null, state = 'sending', messages = '[]'::jsonb, updated_at = now()
           where kaspi_card.card_hash is distinct from excluded.card_hash
              or kaspi_card.state in (${placeholders(KASPI_CARD_RESENDABLE)})
              or (kaspi_card.state = 'sending' and kaspi_card.updated_at < now() - interval '${STALE_SENDING_MINUTES} minutes')
           returning sku
         )
         select up.sku, case when prev.sku is null then null else row_to_json(prev) end as previous
         from up left join prev on prev.sku = up.sku`,
        params
      )) as KaspiCardClaim[]
      claimed.push(...rows)
    }
    return claimed
  }

  /** The claim undone (the send workflow's compensation): each card back as it was, or gone if the claim made it. */
  @InjectManager()
  async release(accountId: string, claims: KaspiCardClaim[], @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const manager = sharedContext.manager!
    const created = claims.filter((c) => !c.previous).map((c) => c.sku)
    if (created.length) {
      await manager.execute(`delete from kaspi_card where account_id = ? and state = 'sending' and sku in (${placeholders(created)})`, [accountId, ...created])
    }
    for (const { sku, previous: p } of claims) {
      if (!p) continue
      await manager.execute(
        `update kaspi_card set product_id = ?, variant_id = ?, category = ?, card = ?::jsonb, card_hash = ?, import_id = ?, state = ?,
           messages = ?::jsonb, updated_at = now()
         where account_id = ? and sku = ? and state = 'sending' and deleted_at is null`,
        [p.product_id, p.variant_id, p.category, JSON.stringify(p.card), p.card_hash, p.import_id, p.state, JSON.stringify(p.messages ?? []), accountId, sku]
      )
    }
  }

  /** The import row ("sending") for the claimed SKUs, and those cards pointed at it. */
  @InjectManager()
  async openImport(
    accountId: string,
    input: { category: string; skus: string[]; product_ids: string[] },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<string> {
    const manager = sharedContext.manager!
    const id = generateEntityId(undefined, "kcimp")
    await manager.execute(
      `insert into kaspi_card_import (id, account_id, status, category, skus, product_ids, checks) values (?, ?, 'sending', ?, ?::jsonb, ?::jsonb, 0)`,
      [id, accountId, input.category, JSON.stringify(input.skus), JSON.stringify(input.product_ids)]
    )
    if (input.skus.length) {
      await manager.execute(
        `update kaspi_card set import_id = ?, updated_at = now() where account_id = ? and state = 'sending' and deleted_at is null and sku in (${placeholders(input.skus)})`,
        [id, accountId, ...input.skus]
      )
    }
    return id
  }

  /** Kaspi took the file: its code stored, the import and its cards "uploaded" (followed by the job). */
  @InjectManager()
  async markUploaded(importId: string, state: KaspiImportState, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const manager = sharedContext.manager!
    await manager.execute(
      `update kaspi_card_import set import_code = ?, status = 'uploaded', status_name = ?, sent_at = now(), checked_at = now(), updated_at = now() where id = ?`,
      [state.code, state.statusName, importId]
    )
    await manager.execute(`update kaspi_card set state = 'uploaded', updated_at = now() where import_id = ? and state = 'sending'`, [importId])
  }

  /**
   * Sending failed (Kaspi unreachable, a timeout, a refusal): the import
   * "send_failed" with why, its cards "send_failed" — sendable again. The
   * error is the client's, which never carries the token.
   */
  @InjectManager()
  async markSendFailed(importId: string, error: string, opts: { cards: boolean } = { cards: true }, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const manager = sharedContext.manager!
    await manager.execute(`update kaspi_card_import set status = 'send_failed', error = ?, updated_at = now() where id = ? and status = 'sending'`, [error, importId])
    // The send workflow's undo restores the claimed cards itself (release).
    if (!opts.cards) return
    await manager.execute(`update kaspi_card set state = 'send_failed', messages = ?::jsonb, updated_at = now() where import_id = ? and state = 'sending'`, [
      JSON.stringify([error]),
      importId,
    ])
  }

  /**
   * Imports to ask Kaspi about: uploaded (or in a status not understood)
   * and not asked for `everySeconds`. Taken with their check counted in one
   * statement, so two followers never ask about the same import at once.
   */
  @InjectManager()
  async claimDue(opts: { everySeconds: number; limit: number }, @MedusaContext() sharedContext: SqlContext = {}): Promise<KaspiDueCardImport[]> {
    return (await sharedContext.manager!.execute(
      `update kaspi_card_import set checked_at = now(), checks = checks + 1, updated_at = now()
       where id in (select id from kaspi_card_import
                    where status in ('uploaded', 'unknown') and import_code is not null and error is null and deleted_at is null
                      and (checked_at is null or checked_at <= now() - make_interval(secs => ?))
                    order by checked_at nulls first limit ? for update skip locked)
       returning id, account_id, import_code, sent_at`,
      [opts.everySeconds, opts.limit]
    )) as KaspiDueCardImport[]
  }

  /** What Kaspi says of an import, onto it and its cards (only those it still carries). */
  @InjectManager()
  async recordStatus(importId: string, state: KaspiImportState, result: KaspiImportResult | null, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const manager = sharedContext.manager!
    if (state.status === "finished" && result) {
      const bySku = new Map(result.skus.map((s) => [s.sku, { outcome: s.outcome, state: s.state, messages: s.messages }]))
      await manager.execute(
        `update kaspi_card_import set status = 'finished', status_name = ?, description = ?, errors = ?, warnings = ?, skipped = ?, total = ?,
           result = ?::jsonb, finished_at = now(), updated_at = now() where id = ?`,
        [state.statusName, state.description, result.errors, result.warnings, result.skipped, result.total, JSON.stringify(Object.fromEntries(bySku)), importId]
      )
      const cards = (await manager.execute(`select sku from kaspi_card where import_id = ? and deleted_at is null`, [importId])) as Array<{ sku: string }>
      const states = cards.map(({ sku }) => ({ sku, ...cardStateOf(bySku.get(sku)) }))
      await manager.execute(
        `update kaspi_card c set state = r.state, messages = r.messages, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(sku text, state text, messages jsonb)
         where c.import_id = ? and c.sku = r.sku and c.deleted_at is null`,
        [JSON.stringify(states), importId]
      )
      return
    }
    if (state.status === "aborted") {
      await manager.execute(
        `update kaspi_card_import set status = 'aborted', status_name = ?, description = ?, finished_at = now(), updated_at = now() where id = ?`,
        [state.statusName, state.description, importId]
      )
      await manager.execute(`update kaspi_card set state = 'aborted', messages = ?::jsonb, updated_at = now() where import_id = ? and deleted_at is null`, [
        JSON.stringify(state.description ? [state.description] : []),
        importId,
      ])
      return
    }
    await manager.execute(`update kaspi_card_import set status = ?, status_name = ?, updated_at = now() where id = ?`, [
      state.status === "unknown" ? "unknown" : "uploaded",
      state.statusName,
      importId,
    ])
  }

  /**
   * An import Kaspi has not finished in time: "unknown" with the reason, no
   * longer asked about; its cards "error" with the reason, so they can be sent again.
   */
  @InjectManager()
  async giveUp(importId: string, reason: string, @MedusaContext() sharedContext: SqlContext = {}): Promise<void> {
    const manager = sharedContext.manager!
    await manager.execute(`update kaspi_card_import set status = 'unknown', error = ?, updated_at = now() where id = ?`, [reason, importId])
    await manager.execute(`update kaspi_card set state = 'error', messages = ?::jsonb, updated_at = now() where import_id = ? and state = 'uploaded'`, [
      JSON.stringify([reason]),
      importId,
    ])
  }

  /** A shop's imports, newest first; with `productId`, those that carried one of its variants. Rows as stored. */
  @InjectManager()
  async listImports(
    accountId: string,
    opts: { productId?: string; limit: number; offset: number },
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    const where = `account_id = ? and deleted_at is null${opts.productId ? " and product_ids @> ?::jsonb" : ""}`
    const params: unknown[] = opts.productId ? [accountId, JSON.stringify([opts.productId])] : [accountId]
    const manager = sharedContext.manager!
    const rows = (await manager.execute(`select * from kaspi_card_import where ${where} order by created_at desc, id desc limit ? offset ?`, [
      ...params,
      opts.limit,
      opts.offset,
    ])) as Record<string, unknown>[]
    const [{ n }] = (await manager.execute(`select count(*)::int as n from kaspi_card_import where ${where}`, params)) as Array<{ n: number }>
    return { rows, count: n }
  }
}
