import type { Logger } from "@medusajs/framework/types"
import { DAY_MS, KaspiClient, type KaspiClientOptions, type KaspiRequestEvent } from "../client"
import type { KaspiAccountConfig, KaspiResolvedOptions } from "../options"
import type { SecretToken } from "../secret"
import type { KaspiRequestStats } from "../types"
import type { KaspiAccounts } from "./kaspi-accounts"

type InjectedDependencies = {
  logger: Logger
  kaspiResolvedOptions: KaspiResolvedOptions
  kaspiAccounts: KaspiAccounts
}

/** Kaspi's ids in a path, so the stats count one line per endpoint. */
const ID_IN_PATH = /\/v2\/(orders|orderentries|pointofservices|masterproducts)\/[^/]+/

/**
 * One API client per shop (only this module talks to Kaspi), rebuilt when the
 * shop's token changes, and the count of requests sent through them.
 */
export class KaspiClientPool {
  protected readonly logger_: Logger
  protected readonly options_: KaspiResolvedOptions
  protected readonly accounts_: KaspiAccounts
  private readonly clients_ = new Map<string, { client: KaspiClient; token: SecretToken }>()
  private readonly stats_ = new Map<string, KaspiRequestStats>()

  constructor(deps: InjectedDependencies) {
    this.logger_ = deps.logger
    this.options_ = deps.kaspiResolvedOptions
    this.accounts_ = deps.kaspiAccounts
  }

  /** The API client of one shop. */
  async get(accountId?: string): Promise<KaspiClient> {
    const account = this.accounts_.get(accountId)
    const token = await this.accounts_.token(account.id)
    const existing = this.clients_.get(account.id)
    // A token changed on another instance: the next read after the cache expiry builds a new client.
    if (existing && existing.token.reveal() === token.reveal()) return existing.client
    if (existing) void existing.client.close()
    const client = this.build(account, token)
    this.clients_.set(account.id, { client, token })
    return client
  }

  /**
   * A client that is not kept: for a candidate token, or with overrides (the
   * compatibility check's). The caller closes it.
   */
  build(account: KaspiAccountConfig, token: SecretToken, overrides: Partial<KaspiClientOptions> = {}): KaspiClient {
    const o = this.options_
    return new KaspiClient({
      baseUrl: account.apiUrl,
      token,
      merchantId: account.merchantId,
      userAgent: o.userAgent,
      proxyUrl: o.proxyUrl,
      maxResponseBytes: o.maxResponseBytes,
      minRequestIntervalMs: o.minRequestIntervalMs,
      maxConcurrentRequests: o.maxConcurrentRequests,
      retry: o.retry,
      timeouts: o.timeouts,
      content: { importContentType: o.cards.importContentType, importStatusNames: o.cards.importStatusNames, skuStateNames: o.cards.skuStateNames },
      window: { maxMs: o.orders.windowDays * DAY_MS, overlapMs: o.orders.windowOverlapMinutes * 60_000 },
      logger: {
        debug: (m) => this.logger_.debug(m),
        warn: (m) => this.logger_.warn(m),
      },
      onRequest: (e) => this.recordRequest_(account.id, e),
      ...overrides,
    })
  }

  /** Closes the shop's client (its token was replaced or removed); the next get builds a new one. */
  drop(accountId: string): void {
    const entry = this.clients_.get(accountId)
    this.clients_.delete(accountId)
    void entry?.client.close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.clients_.values()].map((c) => c.client.close()))
    this.clients_.clear()
  }

  /** Requests sent to Kaspi since start (or the last reset), per account. */
  stats(accountId?: string): KaspiRequestStats {
    const id = this.accounts_.get(accountId).id
    return { ...(this.stats_.get(id) ?? { requests: 0, failures: 0, byPath: {} }) }
  }

  resetStats(): void {
    this.stats_.clear()
  }

  private recordRequest_(accountId: string, e: KaspiRequestEvent): void {
    const s = this.stats_.get(accountId) ?? { requests: 0, failures: 0, byPath: {} }
    s.requests += 1
    if (e.error || (e.status !== undefined && e.status >= 400)) s.failures += 1
    const key = `${e.method} ${e.path.replace(ID_IN_PATH, "/v2/$1/:id")}`
    s.byPath[key] = (s.byPath[key] ?? 0) + 1
    this.stats_.set(accountId, s)
  }
}
