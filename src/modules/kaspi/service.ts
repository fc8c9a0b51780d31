import { InjectManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import type { Context, Logger } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { DAY_MS, KaspiClient, KaspiApiError, type KaspiClientOptions, type KaspiOrder as KaspiApiOrder, type KaspiRequestEvent } from "./client"
import { kaspiOrderRecordValues } from "./kaspi-order-record"
import { CheckRequestLog, checkClientOverrides, runKaspiProbes, unconfiguredCheck, CHECK_DEFAULTS, type KaspiCheckOptions, type KaspiCheckResult } from "./check"
import { resolveKaspiOptions, type KaspiAccountConfig, type KaspiOrdersOptions, type KaspiResolvedOptions } from "./options"
import type { SecretToken } from "./secret"
import { decryptToken, encryptToken, TokenKeyError } from "./token-crypto"
import {
  KaspiAccountCredential,
  KaspiAccountSettings,
  KaspiAction,
  KASPI_ACTIONS_SENT_ONCE,
  KaspiEvent,
  KaspiFeedArtifact,
  KaspiFeedBuild,
  KaspiFeedConfig,
  KaspiOrder,
  KaspiSkuMapping,
  KaspiStoreMapping,
  KaspiSyncState,
} from "./models"

type InjectedDependencies = {
  logger: Logger
  kaspiResolvedOptions?: KaspiResolvedOptions
}

/** What the admin and the API may see of an account: never the token. */
export interface KaspiAccountInfo {
  id: string
  merchantId: string
  name?: string
  apiUrl: string
  hasToken: boolean
  /** "options", "env:NAME", "stored" (entered in the admin, encrypted) or "none". */
  tokenSource: string
  /** When the stored token was last set. */
  tokenStoredAt?: string
  /** Why a stored token cannot be used (key missing or changed). */
  tokenProblem?: string
  /** The admin may store a token: none from options/environment, and the encryption key is set. */
  canStoreToken: boolean
  /** The environment variable that holds the encryption key. */
  tokenKeyEnv: string
}

/** Order options the store owner may change in the admin; null follows medusa-config. */
export interface KaspiOrderOptionOverrides {
  polling: boolean | null
  poll_interval_seconds: number | null
  auto_accept: boolean | null
}

export type KaspiEffectiveOrderOptions = KaspiOrdersOptions & { overrides: KaspiOrderOptionOverrides }

/** A refusal to store a token, in words for the admin (never containing the token). */
export class KaspiTokenStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "KaspiTokenStoreError"
  }
}

const STORED_TOKEN_CACHE_MS = 30_000

interface StoredTokenEntry {
  readAt: number
  token?: SecretToken
  problem?: string
}

function unwrapStored(account: KaspiAccountConfig, entry: StoredTokenEntry): SecretToken {
  if (entry.token) return entry.token
  throw new KaspiApiError({
    kind: "not_configured",
    detail: entry.problem
      ? `Kaspi account "${account.id}": ${entry.problem}`
      : `Kaspi account "${account.id}" has no API token: set it in the plugin options${account.tokenEnv ? `, in ${account.tokenEnv}` : ""} or in Settings → Kaspi`,
  })
}

export interface KaspiConnectionCheck {
  ok: boolean
  accountId: string
  kind?: string
  message: string
}

export interface KaspiRequestStats {
  requests: number
  failures: number
  byPath: Record<string, number>
}

class KaspiModuleService extends MedusaService({
  KaspiOrder,
  KaspiEvent,
  KaspiSkuMapping,
  KaspiStoreMapping,
  KaspiSyncState,
  KaspiAccountSettings,
  KaspiFeedConfig,
  KaspiFeedBuild,
  KaspiFeedArtifact,
  KaspiAction,
  KaspiAccountCredential,
}) {
  protected readonly logger_: Logger
  protected readonly kaspiOptions_: KaspiResolvedOptions
  private readonly clients_ = new Map<string, { client: KaspiClient; token: SecretToken }>()
  private readonly storedTokens_ = new Map<string, StoredTokenEntry>()
  private readonly stats_ = new Map<string, KaspiRequestStats>()

  constructor(deps: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = deps.logger
    this.kaspiOptions_ = deps.kaspiResolvedOptions ?? resolveKaspiOptions(options)
  }

  __hooks = {
    onApplicationShutdown: async () => {
      await Promise.all([...this.clients_.values()].map((c) => c.client.close()))
      this.clients_.clear()
    },
  }

  getResolvedOptions(): KaspiResolvedOptions {
    return this.kaspiOptions_
  }

  /** The accounts declared in the plugin options (token known from options/env only; see describeAccounts). */
  listAccounts(): KaspiAccountInfo[] {
    return this.kaspiOptions_.accounts.map((a) => toAccountInfo(a, this.kaspiOptions_))
  }

  /** The accounts with what is known of their tokens, including tokens stored from the admin. Never a token. */
  async describeAccounts(): Promise<KaspiAccountInfo[]> {
    const stored = await this.listKaspiAccountCredentials({}, { select: ["account_id", "token_ciphertext", "updated_at"] })
    const byAccount = new Map(stored.map((c) => [c.account_id, c]))
    return this.kaspiOptions_.accounts.map((a) => {
      const info = toAccountInfo(a, this.kaspiOptions_)
      const row = byAccount.get(a.id)
      if (a.token || !row) return info
      const { problem } = this.readStoredToken_(a.id, row.token_ciphertext)
      return {
        ...info,
        hasToken: !problem,
        tokenSource: "stored",
        tokenStoredAt: new Date(row.updated_at as unknown as string).toISOString(),
        ...(problem ? { tokenProblem: problem } : {}),
      }
    })
  }

  /** Decrypts a stored token, or says in words why it cannot be used (no key, another key, altered). */
  private readStoredToken_(accountId: string, ciphertext: string): StoredTokenEntry {
    const entry: StoredTokenEntry = { readAt: Date.now() }
    const key = this.kaspiOptions_.tokenKey
    if (!key) {
      entry.problem = `a token is stored but ${this.kaspiOptions_.tokenKeyEnv} is not set, so it cannot be read`
      return entry
    }
    try {
      entry.token = decryptToken(key, accountId, ciphertext)
    } catch (e) {
      entry.problem = e instanceof TokenKeyError ? e.message : "the stored token could not be read"
    }
    return entry
  }

  /** The account by id; without an id, the only configured account. */
  getAccount(accountId?: string): KaspiAccountConfig {
    const accounts = this.kaspiOptions_.accounts
    if (!accountId) {
      if (accounts.length === 1) return accounts[0]
      throw new KaspiApiError({
        kind: "not_configured",
        detail: accounts.length
          ? `several Kaspi accounts are configured (${accounts.map((a) => a.id).join(", ")}): name one`
          : "no Kaspi account is configured in the plugin options",
      })
    }
    const account = accounts.find((a) => a.id === accountId)
    if (!account) {
      throw new KaspiApiError({ kind: "not_configured", detail: `no Kaspi account "${accountId}" is configured` })
    }
    return account
  }

  /**
   * The account's token: from the options or the environment, else the one
   * stored (encrypted) from the admin. Stored tokens are re-read at most every
   * 30 s, so a token changed on one instance reaches the others without a restart.
   */
  async getAccountToken(accountId?: string): Promise<SecretToken> {
    const account = this.getAccount(accountId)
    if (account.token) return account.token
    const cached = this.storedTokens_.get(account.id)
    if (cached && Date.now() - cached.readAt < STORED_TOKEN_CACHE_MS) return unwrapStored(account, cached)
    const [row] = await this.listKaspiAccountCredentials({ account_id: account.id }, { take: 1 })
    // Absence is not cached: a token entered on another instance is used on the next tick.
    if (!row) return unwrapStored(account, { readAt: Date.now() })
    const entry = this.readStoredToken_(account.id, row.token_ciphertext)
    this.storedTokens_.set(account.id, entry)
    return unwrapStored(account, entry)
  }

  /**
   * Stores a token entered in the admin, encrypted. Only for accounts whose
   * options and environment give none (configuration wins, so the admin never
   * silently overrides a deployment's token), and only when the key is set.
   */
  async storeAccountToken(accountId: string, token: string, setBy?: string): Promise<KaspiAccountInfo> {
    const account = this.getAccount(accountId)
    const value = token.trim()
    if (account.token) {
      throw new KaspiTokenStoreError(
        `the token of "${account.id}" comes from ${account.tokenSource === "options" ? "the plugin options" : `the environment (${account.tokenSource.slice(4)})`}; change it there`
      )
    }
    const key = this.kaspiOptions_.tokenKey
    if (!key) {
      throw new KaspiTokenStoreError(
        `set ${this.kaspiOptions_.tokenKeyEnv} (32 random bytes: openssl rand -base64 32) on every Medusa instance to store tokens from the admin`
      )
    }
    if (!/^\S{8,512}$/.test(value)) {
      throw new KaspiTokenStoreError("a Kaspi token is one word of 8 to 512 characters, without spaces")
    }
    await this.upsertCredential_(account.id, encryptToken(key, account.id, value), setBy ?? null)
    this.forgetToken_(account.id)
    return (await this.describeAccounts()).find((a) => a.id === account.id)!
  }

  async clearAccountToken(accountId: string): Promise<KaspiAccountInfo> {
    const account = this.getAccount(accountId)
    const rows = await this.listKaspiAccountCredentials({ account_id: account.id }, { select: ["id"] })
    if (rows.length) await this.deleteKaspiAccountCredentials(rows.map((r) => r.id))
    this.forgetToken_(account.id)
    return (await this.describeAccounts()).find((a) => a.id === account.id)!
  }

  @InjectManager()
  protected async upsertCredential_(
    accountId: string,
    ciphertext: string,
    setBy: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `insert into kaspi_account_credential (id, account_id, token_ciphertext, set_by)
       values (?, ?, ?, ?)
       on conflict (account_id) where deleted_at is null do update set
         token_ciphertext = excluded.token_ciphertext, set_by = excluded.set_by, updated_at = now()`,
      [generateEntityId(undefined, "kcred"), accountId, ciphertext, setBy]
    )
  }

  private forgetToken_(accountId: string): void {
    this.storedTokens_.delete(accountId)
    const client = this.clients_.get(accountId)
    this.clients_.delete(accountId)
    void client?.client.close()
  }

  /**
   * The order options in force for one shop: medusa-config's, with what the
   * store owner changed in Settings → Kaspi on top (null = follow the config).
   * Read on every use, so a change applies on every instance at the next tick.
   */
  async getOrderOptions(accountId: string): Promise<KaspiEffectiveOrderOptions> {
    const account = this.getAccount(accountId)
    const config = this.kaspiOptions_.orders
    const [row] = await this.listKaspiAccountSettings(
      { account_id: account.id },
      { select: ["polling", "poll_interval_seconds", "auto_accept"], take: 1 }
    )
    const overrides: KaspiOrderOptionOverrides = {
      polling: row?.polling ?? null,
      poll_interval_seconds: row?.poll_interval_seconds ?? null,
      auto_accept: row?.auto_accept ?? null,
    }
    return {
      ...config,
      polling: overrides.polling ?? config.polling,
      pollIntervalSeconds: overrides.poll_interval_seconds ?? config.pollIntervalSeconds,
      autoAccept: overrides.auto_accept ?? config.autoAccept,
      overrides,
    }
  }

  /** Changes the store owner's overrides; a key set to null goes back to medusa-config's value. */
  async setOrderOptionOverrides(accountId: string, patch: Partial<KaspiOrderOptionOverrides>): Promise<KaspiEffectiveOrderOptions> {
    const account = this.getAccount(accountId)
    const [row] = await this.listKaspiAccountSettings({ account_id: account.id }, { select: ["id"], take: 1 })
    if (row) await this.updateKaspiAccountSettings({ id: row.id, ...patch })
    else await this.createKaspiAccountSettings({ account_id: account.id, ...patch })
    return this.getOrderOptions(account.id)
  }

  /** The API client of one shop. Only this module talks to Kaspi. */
  async getClient(accountId?: string): Promise<KaspiClient> {
    const account = this.getAccount(accountId)
    const token = await this.getAccountToken(account.id)
    const existing = this.clients_.get(account.id)
    // A token changed on another instance: the next read after the cache expiry builds a new client.
    if (existing && existing.token.reveal() === token.reveal()) return existing.client
    if (existing) void existing.client.close()
    const client = this.buildClient_(account, token)
    this.clients_.set(account.id, { client, token })
    return client
  }

  private buildClient_(account: KaspiAccountConfig, token: SecretToken, overrides: Partial<KaspiClientOptions> = {}): KaspiClient {
    const o = this.kaspiOptions_
    return new KaspiClient({
      baseUrl: account.apiUrl,
      token,
      merchantId: account.merchantId,
      userAgent: o.userAgent,
      proxyUrl: o.proxyUrl,
      minRequestIntervalMs: o.minRequestIntervalMs,
      maxConcurrentRequests: o.maxConcurrentRequests,
      retry: o.retry,
      timeouts: o.timeouts,
      window: { maxMs: o.orders.windowDays * DAY_MS, overlapMs: o.orders.windowOverlapMinutes * 60_000 },
      logger: {
        debug: (m) => this.logger_.debug(m),
        warn: (m) => this.logger_.warn(m),
      },
      onRequest: (e) => this.recordRequest(account.id, e),
      ...overrides,
    })
  }

  /** Requests sent to Kaspi since start (or the last reset), per account. */
  getRequestStats(accountId?: string): KaspiRequestStats {
    const id = this.getAccount(accountId).id
    return { ...(this.stats_.get(id) ?? { requests: 0, failures: 0, byPath: {} }) }
  }

  resetRequestStats(): void {
    this.stats_.clear()
  }

  /**
   * A cheap authenticated read, explained in plain words for the settings page.
   * With `candidate`, checks that token instead of the account's (before storing it).
   */
  async testConnection(accountId?: string, candidate?: SecretToken): Promise<KaspiConnectionCheck> {
    let id = accountId ?? "(default)"
    let temporary: KaspiClient | undefined
    try {
      const account = this.getAccount(accountId)
      id = account.id
      const client = candidate ? (temporary = this.buildClient_(account, candidate)) : await this.getClient(id)
      const now = Date.now()
      await client.listOrders({ state: "NEW", from: now - 24 * 3600 * 1000, to: now, pageSize: 1 })
      return { ok: true, accountId: id, message: "Connected: Kaspi accepted the token." }
    } catch (e) {
      if (e instanceof KaspiApiError) {
        return { ok: false, accountId: id, kind: e.kind, message: e.message }
      }
      throw e
    } finally {
      await temporary?.close()
    }
  }

  /**
   * The Kaspi compatibility check (issue #12): read-only probes, one documented
   * request each, through a client of its own (one attempt per request, a short
   * timeout), stored as a `kaspi.check` event so the admin shows the last run.
   */
  async runKaspiCheck(accountId: string, options: KaspiCheckOptions = {}): Promise<KaspiCheckResult> {
    const account = this.getAccount(accountId)
    const result = await this.probeKaspi_(account, options)
    const failed = result.probes.filter((p) => p.status === "failed").map((p) => p.id)
    const held = result.probes.filter((p) => p.status === "held").length
    const message = `Kaspi check: ${held} of ${result.probes.length} held${failed.length ? `; failed: ${failed.join(", ")}` : ""}`
    await this.logKaspiEvent({
      account_id: account.id,
      type: "kaspi.check",
      result: result.ok ? "ok" : "error",
      message,
      data: result as unknown as Record<string, unknown>,
    })
    this.logger_.info(`${message} (account ${account.id})`)
    return result
  }

  private async probeKaspi_(account: KaspiAccountConfig, options: KaspiCheckOptions): Promise<KaspiCheckResult> {
    let token: SecretToken
    try {
      token = await this.getAccountToken(account.id)
    } catch (e) {
      if (e instanceof KaspiApiError) return unconfiguredCheck(account.id, e)
      throw e
    }
    const log = new CheckRequestLog()
    // Never longer than the timeout the plugin itself uses for orders.
    const timeoutMs = options.timeoutMs ?? Math.min(CHECK_DEFAULTS.timeoutMs, this.kaspiOptions_.timeouts.ordersMs)
    const client = this.buildClient_(account, token, checkClientOverrides(timeoutMs, log))
    try {
      return await runKaspiProbes({ accountId: account.id, client, log, options: { ...options, timeoutMs }, secrets: [token] })
    } finally {
      await client.close()
    }
  }

  /** The last stored compatibility check of a shop, or null when none ran. */
  async getLatestKaspiCheck(accountId: string): Promise<KaspiCheckResult | null> {
    const account = this.getAccount(accountId)
    const [row] = await this.listKaspiEvents(
      { account_id: account.id, type: "kaspi.check" },
      { select: ["data", "created_at"], order: { created_at: "DESC" }, take: 1 }
    )
    return (row?.data as unknown as KaspiCheckResult | undefined) ?? null
  }

  /**
   * Imported orders still waiting for acceptance on Kaspi that no accept was
   * ever asked for: what auto-accept missed when a process died between an
   * import and its `kaspi.order.imported` event (events are not transactional).
   */
  @InjectManager()
  async listKaspiOrdersMissingAccept(
    accountId: string,
    opts: { importedBeforeSeconds: number; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; account_id: string; code: string }>> {
    return sharedContext.manager!.execute(
      `select k.id, k.account_id, k.code from kaspi_order k
        where k.account_id = ? and k.deleted_at is null
          and k.import_status = 'imported' and k.status = 'APPROVED_BY_BANK'
          and k.last_attempt_at < now() - make_interval(secs => ?)
          and not exists (select 1 from kaspi_action a
                           where a.kaspi_order_id = k.id and a.action = 'accept' and a.deleted_at is null)
        order by k.last_attempt_at
        limit ?`,
      [accountId, opts.importedBeforeSeconds, opts.limit]
    )
  }

  /**
   * Inserts the Kaspi order, or refreshes what Kaspi says about it, in one
   * statement: the (account_id, kaspi_id) unique index makes a concurrent
   * second poller update the same row instead of adding another.
   */
  @InjectManager()
  async upsertKaspiOrderRecord(
    accountId: string,
    order: KaspiApiOrder,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; import_status: string; status: string; inserted: boolean; previous_status: string | null }> {
    const v = kaspiOrderRecordValues(accountId, order)
    const rows = await sharedContext.manager!.execute(
      `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, delivery_mode, is_kaspi_delivery,
         pre_order, signature_required, assembled, pickup_point_id, total_price, raw_total_price, delivery_cost,
         raw_delivery_cost, customer_phone, cancellation_reason, waybill_url, kaspi_created_at, kaspi_approved_at,
         planned_delivery_at, raw)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)
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
         planned_delivery_at = excluded.planned_delivery_at, raw = excluded.raw,
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
        JSON.stringify(v.raw),
      ]
    )
    const row = rows[0] as { id: string; import_status: string; status: string; inserted: boolean; previous_status: string | null }
    return { ...row, inserted: Boolean(row.inserted) }
  }

  /**
   * Keeps an order Kaspi sent in a shape the plugin cannot read, so it is
   * visible (as failed, with the validation error) instead of silently lost.
   */
  @InjectManager()
  async recordInvalidKaspiOrder(
    accountId: string,
    invalid: { id?: string; code?: string; reason: string; raw: unknown },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
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
    // An order already made in Medusa keeps its import status: the problem is flagged beside it
    // (sync_problem), so the admin shows that it no longer follows Kaspi, and why.
    const rows = await sharedContext.manager!.execute(
      `insert into kaspi_order (id, account_id, kaspi_id, code, state, status, total_price, raw_total_price,
         kaspi_created_at, raw, import_status, import_reason)
       values (?, ?, ?, ?, ?, ?, 0, '{"value":"0","precision":20}'::jsonb, ?, ?::jsonb, 'failed', ?)
       on conflict (account_id, kaspi_id) where deleted_at is null do update set
         import_status = case when kaspi_order.order_id is null then 'failed' else kaspi_order.import_status end,
         import_reason = case when kaspi_order.order_id is null then excluded.import_reason else kaspi_order.import_reason end,
         sync_problem = case when kaspi_order.order_id is null then kaspi_order.sync_problem
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
    return { id: row.id, newly_flagged: newly }
  }

  /**
   * Takes the order for one import attempt, or answers null when it is imported,
   * ignored or held by another import whose lease has not run out. A compare-
   * and-set in the database, so two pollers on two machines cannot both win.
   */
  @InjectManager()
  async claimKaspiOrderImport(
    id: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; previous_import_status: string } | null> {
    const rows = await sharedContext.manager!.execute(
      `update kaspi_order k set import_status = 'importing', import_lease_until = now() + (? * interval '1 second'),
         attempts = k.attempts + 1, last_attempt_at = now(), updated_at = now()
       from (select id, import_status from kaspi_order where id = ? for update) prev
       where k.id = prev.id and k.deleted_at is null and k.order_id is null
         and (k.import_status in ('pending', 'needs_attention', 'failed')
              or (k.import_status = 'importing' and k.import_lease_until < now()))
       returning k.id, prev.import_status as previous_import_status`,
      [leaseSeconds, id]
    )
    return (rows[0] as { id: string; previous_import_status: string }) ?? null
  }

  /** Ends an import attempt with its outcome (the lease is released). */
  @InjectManager()
  async finishKaspiOrderImport(
    id: string,
    outcome: { import_status: "imported" | "needs_attention" | "failed" | "ignored" | "pending"; reason?: string | null; order_id?: string | null; unmapped_skus?: string[] | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update kaspi_order set import_status = ?, import_reason = ?,
         order_id = case when ? then ? else order_id end,
         unmapped_skus = ?::jsonb, import_lease_until = null, updated_at = now()
       where id = ?`,
      [
        outcome.import_status,
        outcome.reason ?? null,
        // undefined keeps the linked order; null (an undone import) clears it
        outcome.order_id !== undefined,
        outcome.order_id ?? null,
        outcome.unmapped_skus?.length ? JSON.stringify(outcome.unmapped_skus) : null,
        id,
      ]
    )
  }

  /**
   * Takes the poll of one account for this tick when it is due and nobody else
   * holds it. Several Medusa instances may call this at the same moment; the
   * single UPDATE lets exactly one of them win.
   */
  @InjectManager()
  async claimKaspiPoll(
    accountId: string,
    opts: { dueAfterSeconds: number; leaseSeconds: number; owner: string; force?: boolean },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ last_new_poll_at: Date | null; last_status_sync_at: Date | null } | null> {
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
       returning last_new_poll_at, last_status_sync_at`,
      [opts.leaseSeconds, opts.owner, accountId, Boolean(opts.force), opts.dueAfterSeconds]
    )
    return (rows[0] as { last_new_poll_at: Date | null; last_status_sync_at: Date | null }) ?? null
  }

  /**
   * Extends the poll lease while its owner is still working, so a poll that
   * lasts longer than the lease (a big backlog) keeps the account to itself,
   * while a poller that died still frees it one lease after its last renewal.
   */
  @InjectManager()
  async renewKaspiPoll(
    accountId: string,
    owner: string,
    leaseSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
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
  async finishKaspiPoll(
    accountId: string,
    result: { owner: string; ok: boolean; polledAt: Date; statusSynced: boolean; stats?: unknown; error?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `update kaspi_sync_state set lease_until = null, lease_owner = null, updated_at = now(),
         last_new_poll_at = case when ? then ? else last_new_poll_at end,
         synced_until = case when ? then ? else synced_until end,
         last_status_sync_at = case when ? and ? then ? else last_status_sync_at end,
         last_success_at = case when ? then now() else last_success_at end,
         last_stats = coalesce(?::jsonb, last_stats),
         last_error = ?
       where account_id = ? and lease_owner = ?`,
      [
        result.ok, result.polledAt,
        result.ok, result.polledAt,
        result.ok, result.statusSynced, result.polledAt,
        result.ok,
        result.stats === undefined ? null : JSON.stringify(result.stats),
        result.error ?? null,
        accountId,
        result.owner,
      ]
    )
  }

  /**
   * Writes an action to the outbox once: a second request with the same
   * idempotency key (a retried HTTP call, a replayed event) returns the row
   * that exists instead of adding another. `created` says which happened.
   */
  @InjectManager()
  async enqueueKaspiAction(
    row: {
      account_id: string
      kaspi_order_id: string
      kaspi_id: string
      code: string
      order_id?: string | null
      action: string
      payload: Record<string, unknown>
      idempotency_key: string
      origin: string
      status: "pending" | "dry_run"
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; created: boolean }> {
    const manager = sharedContext.manager!
    const inserted = await manager.execute(
      `insert into kaspi_action (id, account_id, kaspi_order_id, kaspi_id, code, order_id, action, payload,
         idempotency_key, origin, status, next_attempt_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())
       on conflict (idempotency_key) where deleted_at is null do nothing
       returning id`,
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
      ]
    )
    if (inserted.length) return { id: (inserted[0] as { id: string }).id, created: true }
    const existing = await manager.execute(`select id from kaspi_action where idempotency_key = ? and deleted_at is null`, [
      row.idempotency_key,
    ])
    return { id: (existing[0] as { id: string }).id, created: false }
  }

  /**
   * Takes actions to send: pending ones that are due, and "sending" ones whose
   * sender died (lease run out) — except those sent once (completion step 1,
   * KASPI_ACTIONS_SENT_ONCE): their request may have reached Kaspi, so they are
   * settled by settleAbandonedKaspiActions instead. SKIP LOCKED + the lease let
   * several instances send in parallel without ever taking the same row.
   */
  @InjectManager()
  async claimKaspiActions(
    opts: { ids?: string[]; limit: number; leaseSeconds: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const byId = opts.ids?.length ? `and id in (${opts.ids.map(() => "?").join(", ")})` : ""
    const sentOnce = KASPI_ACTIONS_SENT_ONCE.map(() => "?").join(", ")
    const rows = await sharedContext.manager!.execute(
      `update kaspi_action set status = 'sending', lease_until = now() + (? * interval '1 second'),
         attempts = attempts + 1, updated_at = now()
       where id in (
         select id from kaspi_action
         where deleted_at is null ${byId}
           and ((status = 'pending' and (next_attempt_at is null or next_attempt_at <= now()))
                or (status = 'sending' and lease_until < now() and action not in (${sentOnce})))
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
  async settleAbandonedKaspiActions(
    outcome: { last_error: string; error_kind: string; result: unknown },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Array<{ id: string; account_id: string; kaspi_order_id: string; code: string; action: string; attempts: number }>> {
    return (await sharedContext.manager!.execute(
      `update kaspi_action set status = 'failed', lease_until = null, next_attempt_at = null, last_error = ?, error_kind = ?,
         result = ?::jsonb, updated_at = now()
       where deleted_at is null and status = 'sending' and lease_until < now()
         and action in (${KASPI_ACTIONS_SENT_ONCE.map(() => "?").join(", ")})
       returning id, account_id, kaspi_order_id, code, action, attempts`,
      [outcome.last_error, outcome.error_kind, JSON.stringify(outcome.result), ...KASPI_ACTIONS_SENT_ONCE]
    )) as Array<{ id: string; account_id: string; kaspi_order_id: string; code: string; action: string; attempts: number }>
  }

  /** Records what came of one send attempt and releases the row. */
  @InjectManager()
  async finishKaspiAction(
    id: string,
    outcome: {
      status: "pending" | "sent" | "failed"
      next_attempt_at?: Date | null
      last_error?: string | null
      error_kind?: string | null
      result?: unknown
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
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
  }

  /** Appends to an order's history (and the account's). */
  async logKaspiEvent(event: {
    account_id: string
    kaspi_order_id?: string | null
    kaspi_code?: string | null
    type: string
    result?: "ok" | "error" | "info"
    message?: string | null
    data?: Record<string, unknown> | null
  }): Promise<void> {
    await this.createKaspiEvents({ result: "info", ...event } as never)
  }

  private recordRequest(accountId: string, e: KaspiRequestEvent): void {
    const s = this.stats_.get(accountId) ?? { requests: 0, failures: 0, byPath: {} }
    s.requests += 1
    if (e.error || (e.status !== undefined && e.status >= 400)) s.failures += 1
    const key = `${e.method} ${e.path.replace(/\/v2\/(orders|orderentries|pointofservices|masterproducts)\/[^/]+/, "/v2/$1/:id")}`
    s.byPath[key] = (s.byPath[key] ?? 0) + 1
    this.stats_.set(accountId, s)
  }
}

function toAccountInfo(a: KaspiAccountConfig, o: KaspiResolvedOptions): KaspiAccountInfo {
  return {
    id: a.id,
    merchantId: a.merchantId,
    name: a.name,
    apiUrl: a.apiUrl,
    hasToken: Boolean(a.token),
    tokenSource: a.tokenSource,
    canStoreToken: !a.token && Boolean(o.tokenKey),
    tokenKeyEnv: o.tokenKeyEnv,
  }
}

export default KaspiModuleService
