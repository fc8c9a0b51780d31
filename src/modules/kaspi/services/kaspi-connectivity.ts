import type { Logger } from "@medusajs/framework/types"
import { KaspiApiError, type KaspiClient } from "../client"
import { CheckRequestLog, checkClientOverrides, runKaspiProbes, unconfiguredCheck, CHECK_DEFAULTS, type KaspiCheckOptions, type KaspiCheckResult } from "../check"
import type { KaspiAccountConfig, KaspiResolvedOptions } from "../options"
import type { SecretToken } from "../secret"
import type { KaspiConnectionCheck } from "../types"
import type { KaspiAccounts } from "./kaspi-accounts"
import type { KaspiClientPool } from "./kaspi-client-pool"
import type { KaspiEventLog } from "./kaspi-event-log"

type InjectedDependencies = {
  logger: Logger
  kaspiResolvedOptions: KaspiResolvedOptions
  kaspiAccounts: KaspiAccounts
  kaspiClientPool: KaspiClientPool
  kaspiEventLog: KaspiEventLog
}

const CHECK_EVENT = "kaspi.check"

/** Does Kaspi answer this shop: the settings page's connection test and the compatibility check (issue #12). */
export class KaspiConnectivity {
  protected readonly logger_: Logger
  protected readonly options_: KaspiResolvedOptions
  protected readonly accounts_: KaspiAccounts
  protected readonly clients_: KaspiClientPool
  protected readonly events_: KaspiEventLog

  constructor(deps: InjectedDependencies) {
    this.logger_ = deps.logger
    this.options_ = deps.kaspiResolvedOptions
    this.accounts_ = deps.kaspiAccounts
    this.clients_ = deps.kaspiClientPool
    this.events_ = deps.kaspiEventLog
  }

  /**
   * A cheap authenticated read, explained in plain words for the settings page.
   * With `candidate`, checks that token instead of the account's (before storing it).
   */
  async testConnection(accountId?: string, candidate?: SecretToken): Promise<KaspiConnectionCheck> {
    let id = accountId ?? "(default)"
    let temporary: KaspiClient | undefined
    try {
      const account = this.accounts_.get(accountId)
      id = account.id
      const client = candidate ? (temporary = this.clients_.build(account, candidate)) : await this.clients_.get(id)
      const now = Date.now()
      await client.listOrders({ state: "NEW", from: now - 24 * 3600 * 1000, to: now, pageSize: 1 })
      return { ok: true, accountId: id, message: "Connected: Kaspi accepted the token." }
    } catch (e) {
      if (e instanceof KaspiApiError) {
        return { ok: false, accountId: id, kind: e.kind, message: e.message, kaspi_said: e.kaspiErrors.join("; ") || null }
      }
      throw e
    } finally {
      await temporary?.close()
    }
  }

  /**
   * The Kaspi compatibility check: read-only probes, one documented request
   * each, through a client of its own (one attempt per request, a short
   * timeout), stored as a `kaspi.check` event so the admin shows the last run.
   */
  async runCheck(accountId: string, options: KaspiCheckOptions = {}): Promise<KaspiCheckResult> {
    const account = this.accounts_.get(accountId)
    const result = await this.probe_(account, options)
    const failed = result.probes.filter((p) => p.status === "failed").map((p) => p.id)
    const held = result.probes.filter((p) => p.status === "held").length
    const message = `Kaspi check: ${held} of ${result.probes.length} held${failed.length ? `; failed: ${failed.join(", ")}` : ""}`
    await this.events_.log({
      account_id: account.id,
      type: CHECK_EVENT,
      result: result.ok ? "ok" : "error",
      message,
      data: result as unknown as Record<string, unknown>,
    })
    this.logger_.info(`${message} (account ${account.id})`)
    return result
  }

  /** The last stored compatibility check of a shop, or null when none ran. */
  async latestCheck(accountId: string): Promise<KaspiCheckResult | null> {
    const account = this.accounts_.get(accountId)
    return ((await this.events_.latestData(account.id, CHECK_EVENT)) as unknown as KaspiCheckResult | null) ?? null
  }

  private async probe_(account: KaspiAccountConfig, options: KaspiCheckOptions): Promise<KaspiCheckResult> {
    let token: SecretToken
    try {
      token = await this.accounts_.token(account.id)
    } catch (e) {
      if (e instanceof KaspiApiError) return unconfiguredCheck(account.id, e)
      throw e
    }
    const log = new CheckRequestLog()
    // Never longer than the timeout the plugin itself uses for orders.
    const timeoutMs = options.timeoutMs ?? Math.min(CHECK_DEFAULTS.timeoutMs, this.options_.timeouts.ordersMs)
    const client = this.clients_.build(account, token, checkClientOverrides(timeoutMs, log))
    try {
      return await runKaspiProbes({ accountId: account.id, client, log, options: { ...options, timeoutMs }, secrets: [token] })
    } finally {
      await client.close()
    }
  }
}
