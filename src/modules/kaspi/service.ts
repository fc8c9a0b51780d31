import { MedusaService } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { KaspiClient, KaspiApiError, type KaspiRequestEvent } from "./client"
import { resolveKaspiOptions, type KaspiAccountConfig, type KaspiResolvedOptions } from "./options"
import { KaspiEvent, KaspiOrder, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState } from "./models"

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
  tokenSource: string
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
}) {
  protected readonly logger_: Logger
  protected readonly kaspiOptions_: KaspiResolvedOptions
  private readonly clients_ = new Map<string, KaspiClient>()
  private readonly stats_ = new Map<string, KaspiRequestStats>()

  constructor(deps: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = deps.logger
    this.kaspiOptions_ = deps.kaspiResolvedOptions ?? resolveKaspiOptions(options)
  }

  __hooks = {
    onApplicationShutdown: async () => {
      await Promise.all([...this.clients_.values()].map((c) => c.close()))
      this.clients_.clear()
    },
  }

  getResolvedOptions(): KaspiResolvedOptions {
    return this.kaspiOptions_
  }

  listAccounts(): KaspiAccountInfo[] {
    return this.kaspiOptions_.accounts.map(toAccountInfo)
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

  /** The API client of one shop. Only this module talks to Kaspi. */
  getClient(accountId?: string): KaspiClient {
    const account = this.getAccount(accountId)
    const existing = this.clients_.get(account.id)
    if (existing) return existing
    if (!account.token) {
      throw new KaspiApiError({
        kind: "not_configured",
        detail: `Kaspi account "${account.id}" has no API token (looked in ${account.tokenSource})`,
      })
    }
    const o = this.kaspiOptions_
    const client = new KaspiClient({
      baseUrl: account.apiUrl,
      token: account.token,
      merchantId: account.merchantId,
      userAgent: o.userAgent,
      proxyUrl: o.proxyUrl,
      minRequestIntervalMs: o.minRequestIntervalMs,
      maxConcurrentRequests: o.maxConcurrentRequests,
      retry: o.retry,
      timeouts: o.timeouts,
      logger: {
        debug: (m) => this.logger_.debug(m),
        warn: (m) => this.logger_.warn(m),
      },
      onRequest: (e) => this.recordRequest(account.id, e),
    })
    this.clients_.set(account.id, client)
    return client
  }

  /** Requests sent to Kaspi since start (or the last reset), per account. */
  getRequestStats(accountId?: string): KaspiRequestStats {
    const id = this.getAccount(accountId).id
    return { ...(this.stats_.get(id) ?? { requests: 0, failures: 0, byPath: {} }) }
  }

  resetRequestStats(): void {
    this.stats_.clear()
  }

  /** A cheap authenticated read, explained in plain words for the settings page. */
  async testConnection(accountId?: string): Promise<KaspiConnectionCheck> {
    let id = accountId ?? "(default)"
    try {
      id = this.getAccount(accountId).id
      const now = Date.now()
      await this.getClient(id).listOrders({ state: "NEW", from: now - 24 * 3600 * 1000, to: now, pageSize: 1 })
      return { ok: true, accountId: id, message: "Connected: Kaspi accepted the token." }
    } catch (e) {
      if (e instanceof KaspiApiError) {
        return { ok: false, accountId: id, kind: e.kind, message: e.message }
      }
      throw e
    }
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

function toAccountInfo(a: KaspiAccountConfig): KaspiAccountInfo {
  return {
    id: a.id,
    merchantId: a.merchantId,
    name: a.name,
    apiUrl: a.apiUrl,
    hasToken: Boolean(a.token),
    tokenSource: a.tokenSource,
  }
}

export default KaspiModuleService
