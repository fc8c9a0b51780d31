import { InjectManager, MedusaContext, generateEntityId } from "@medusajs/framework/utils"
import type { ModulesSdkTypes } from "@medusajs/framework/types"
import { KaspiApiError } from "../client"
import type { KaspiAccountConfig, KaspiResolvedOptions } from "../options"
import type { SecretToken } from "../secret"
import { decryptToken, encryptToken, TokenKeyError } from "../token-crypto"
import type { KaspiAccountCredential, KaspiAccountSettings } from "../models"
import {
  KaspiTokenStoreError,
  type KaspiAccountInfo,
  type KaspiEffectiveOrderOptions,
  type KaspiOrderOptionOverrides,
} from "../types"
import { KaspiSqlService, type KaspiSqlDeps, type SqlContext } from "../sql-service"

type InjectedDependencies = KaspiSqlDeps & {
  kaspiResolvedOptions: KaspiResolvedOptions
  kaspiAccountCredentialService: ModulesSdkTypes.IMedusaInternalService<typeof KaspiAccountCredential>
  kaspiAccountSettingsService: ModulesSdkTypes.IMedusaInternalService<typeof KaspiAccountSettings>
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

/**
 * The shops the plugin is configured for: their options, their tokens (from
 * the options, the environment, or stored encrypted from the admin, with a
 * short cache) and the order options the store owner overrides per shop.
 */
export class KaspiAccounts extends KaspiSqlService {
  protected readonly options_: KaspiResolvedOptions
  protected readonly credentials_: InjectedDependencies["kaspiAccountCredentialService"]
  protected readonly settings_: InjectedDependencies["kaspiAccountSettingsService"]
  private readonly storedTokens_ = new Map<string, StoredTokenEntry>()

  constructor(deps: InjectedDependencies) {
    super(deps)
    // Registered by loaders/validate-options.ts, which fails the boot on wrong options.
    this.options_ = deps.kaspiResolvedOptions
    this.credentials_ = deps.kaspiAccountCredentialService
    this.settings_ = deps.kaspiAccountSettingsService
  }

  get options(): KaspiResolvedOptions {
    return this.options_
  }

  /** The accounts declared in the plugin options (token known from options/env only; see describe). */
  list(): KaspiAccountInfo[] {
    return this.options_.accounts.map((a) => toAccountInfo(a, this.options_))
  }

  /** The accounts with what is known of their tokens, including tokens stored from the admin. Never a token. */
  async describe(): Promise<KaspiAccountInfo[]> {
    const stored = await this.credentials_.list({}, { select: ["account_id", "token_ciphertext", "updated_at"] })
    const byAccount = new Map(stored.map((c) => [c.account_id, c]))
    return this.options_.accounts.map((a) => {
      const info = toAccountInfo(a, this.options_)
      const row = byAccount.get(a.id)
      if (a.token || !row) return info
      const { problem } = this.readStoredToken_(a.id, row.token_ciphertext)
      return {
        ...info,
        hasToken: !problem,
        tokenSource: "stored",
        tokenStoredAt: new Date(row.updated_at).toISOString(),
        ...(problem ? { tokenProblem: problem } : {}),
      }
    })
  }

  /** The account by id; without an id, the only configured account. */
  get(accountId?: string): KaspiAccountConfig {
    const accounts = this.options_.accounts
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
  async token(accountId?: string): Promise<SecretToken> {
    const account = this.get(accountId)
    if (account.token) return account.token
    const cached = this.storedTokens_.get(account.id)
    if (cached && Date.now() - cached.readAt < STORED_TOKEN_CACHE_MS) return unwrapStored(account, cached)
    const [row] = await this.credentials_.list({ account_id: account.id }, { take: 1 })
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
  async storeToken(accountId: string, token: string, setBy?: string): Promise<void> {
    const account = this.get(accountId)
    const value = token.trim()
    if (account.token) {
      throw new KaspiTokenStoreError(
        `the token of "${account.id}" comes from ${account.tokenSource === "options" ? "the plugin options" : `the environment (${account.tokenSource.slice(4)})`}; change it there`
      )
    }
    const key = this.options_.tokenKey
    if (!key) {
      throw new KaspiTokenStoreError(
        `set ${this.options_.tokenKeyEnv} (32 random bytes: openssl rand -base64 32) on every Medusa instance to store tokens from the admin`
      )
    }
    if (!/^\S{8,512}$/.test(value)) {
      throw new KaspiTokenStoreError("a Kaspi token is one word of 8 to 512 characters, without spaces")
    }
    await this.upsertCredential_(account.id, encryptToken(key, account.id, value), setBy ?? null)
    this.storedTokens_.delete(account.id)
  }

  async clearToken(accountId: string): Promise<void> {
    const account = this.get(accountId)
    const rows = await this.credentials_.list({ account_id: account.id }, { select: ["id"] })
    if (rows.length) await this.credentials_.delete(rows.map((r) => r.id))
    this.storedTokens_.delete(account.id)
  }

  /**
   * The order options in force for one shop: medusa-config's, with what the
   * store owner changed in Settings → Kaspi on top (null = follow the config).
   * Read on every use, so a change applies on every instance at the next tick.
   */
  async orderOptions(accountId: string): Promise<KaspiEffectiveOrderOptions> {
    const account = this.get(accountId)
    const config = this.options_.orders
    const [row] = await this.settings_.list(
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
    const account = this.get(accountId)
    const [row] = await this.settings_.list({ account_id: account.id }, { select: ["id"], take: 1 })
    if (row) await this.settings_.update({ id: row.id, ...patch })
    else await this.settings_.create({ account_id: account.id, ...patch })
    return this.orderOptions(account.id)
  }

  /** Decrypts a stored token, or says in words why it cannot be used (no key, another key, altered). */
  private readStoredToken_(accountId: string, ciphertext: string): StoredTokenEntry {
    const entry: StoredTokenEntry = { readAt: Date.now() }
    const key = this.options_.tokenKey
    if (!key) {
      entry.problem = `a token is stored but ${this.options_.tokenKeyEnv} is not set, so it cannot be read`
      return entry
    }
    try {
      entry.token = decryptToken(key, accountId, ciphertext)
    } catch (e) {
      entry.problem = e instanceof TokenKeyError ? e.message : "the stored token could not be read"
    }
    return entry
  }

  @InjectManager()
  protected async upsertCredential_(
    accountId: string,
    ciphertext: string,
    setBy: string | null,
    @MedusaContext() sharedContext: SqlContext = {}
  ): Promise<void> {
    await sharedContext.manager!.execute(
      `insert into kaspi_account_credential (id, account_id, token_ciphertext, set_by)
       values (?, ?, ?, ?)
       on conflict (account_id) where deleted_at is null do update set
         token_ciphertext = excluded.token_ciphertext, set_by = excluded.set_by, updated_at = now()`,
      [generateEntityId(undefined, "kcred"), accountId, ciphertext, setBy]
    )
  }
}
