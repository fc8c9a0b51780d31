import { MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { KaspiClient, KaspiOrder as KaspiApiOrder } from "./client"
import type { KaspiCheckOptions, KaspiCheckResult } from "./check"
import type { KaspiAccountConfig, KaspiResolvedOptions } from "./options"
import type { SecretToken } from "./secret"
import type * as T from "./types"
import type { CappedCount, KaspiOrderListFilter } from "./capped-count"
import type {
  KaspiBackfills,
  KaspiDeadlines,
  KaspiListCounts,
  KaspiOrderLedger,
  KaspiOutbox,
  KaspiPollLease,
  KaspiRetention,
  KaspiServices,
  KaspiCards,
} from "./services/kaspi-services"
import { reviveGivenUpActions, type KaspiReviveReason } from "./services/revive-given-up-actions"
import {
  KaspiAccountCredential, KaspiAccountSettings, KaspiAction, KaspiBackfill, KaspiEvent, KaspiFeedArtifact, KaspiFeedBuild, KaspiFeedConfig,
  KaspiOrder, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState, KaspiCard, KaspiCardImport, KaspiCardCategoryMapping, KaspiClassificationCache,
} from "./models"

export * from "./types"

type Ctx = Context<EntityManager>

/**
 * The Kaspi module: MedusaService over the models (listKaspiOrders & co.), and
 * a facade over services/, one job each — accounts and tokens, the client
 * pool, connectivity checks, the order ledger, the poll lease, the outbox,
 * the event log and retention. The ledger and the outbox announce what needs
 * a person on the event bus (events.ts). Only this module talks to Kaspi.
 */
class KaspiModuleService extends MedusaService({
  KaspiOrder, KaspiEvent, KaspiSkuMapping, KaspiStoreMapping, KaspiSyncState, KaspiAccountSettings, KaspiFeedConfig, KaspiFeedBuild,
  KaspiFeedArtifact, KaspiAction, KaspiAccountCredential, KaspiBackfill,
  // Kaspi product cards (issue #18): the ledger and the classification cache behind `cards` below.
  KaspiCard, KaspiCardImport, KaspiCardCategoryMapping, KaspiClassificationCache,
}) {
  /** The services this facade stands before (services/kaspi-services.ts). */
  protected readonly svc_: KaspiServices

  constructor(deps: KaspiServices) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.svc_ = deps
  }

  __hooks = {
    onApplicationShutdown: async () => this.svc_.kaspiClientPool.closeAll(),
  }

  /** Kaspi product cards (issue #18): the card ledger, the category mappings and the cached classification. */
  cards(): KaspiCards {
    return { ledger: this.svc_.kaspiCardLedger, mappings: this.svc_.kaspiCardMappings, classification: this.svc_.kaspiClassification }
  }

  // Accounts, options and tokens (services/kaspi-accounts.ts)

  getResolvedOptions(): KaspiResolvedOptions {
    return this.svc_.kaspiAccounts.options
  }
  listAccounts(): T.KaspiAccountInfo[] {
    return this.svc_.kaspiAccounts.list()
  }
  describeAccounts(): Promise<T.KaspiAccountInfo[]> {
    return this.svc_.kaspiAccounts.describe()
  }
  getAccount(accountId?: string): KaspiAccountConfig {
    return this.svc_.kaspiAccounts.get(accountId)
  }
  getAccountToken(accountId?: string): Promise<SecretToken> {
    return this.svc_.kaspiAccounts.token(accountId)
  }
  /** A new token is used at once (the old client closed), and actions given up on without a working one go again. */
  storeAccountToken(accountId: string, token: string, setBy?: string): Promise<T.KaspiAccountInfo> {
    return this.svc_.kaspiTokenChanges.store(accountId, token, setBy)
  }
  clearAccountToken(accountId: string): Promise<T.KaspiAccountInfo> {
    return this.svc_.kaspiTokenChanges.clear(accountId)
  }
  getOrderOptions(accountId: string): Promise<T.KaspiEffectiveOrderOptions> {
    return this.svc_.kaspiAccounts.orderOptions(accountId)
  }
  setOrderOptionOverrides(accountId: string, patch: Partial<T.KaspiOrderOptionOverrides>): Promise<T.KaspiEffectiveOrderOptions> {
    return this.svc_.kaspiAccounts.setOrderOptionOverrides(accountId, patch)
  }

  // Clients and connectivity (services/kaspi-client-pool.ts, kaspi-connectivity.ts)

  /** The API client of one shop. Only this module talks to Kaspi. */
  getClient(accountId?: string): Promise<KaspiClient> {
    return this.svc_.kaspiClientPool.get(accountId)
  }
  getRequestStats(accountId?: string): T.KaspiRequestStats {
    return this.svc_.kaspiClientPool.stats(accountId)
  }
  resetRequestStats(): void {
    this.svc_.kaspiClientPool.resetStats()
  }
  testConnection(accountId?: string, candidate?: SecretToken): Promise<T.KaspiConnectionCheck> {
    return this.svc_.kaspiConnectivity.testConnection(accountId, candidate)
  }
  runKaspiCheck(accountId: string, options: KaspiCheckOptions = {}): Promise<KaspiCheckResult> {
    return this.svc_.kaspiConnectivity.runCheck(accountId, options)
  }
  getLatestKaspiCheck(accountId: string): Promise<KaspiCheckResult | null> {
    return this.svc_.kaspiConnectivity.latestCheck(accountId)
  }

  // The order ledger (services/kaspi-order-ledger.ts; import_status rules in import-status.ts)

  upsertKaspiOrderRecord(accountId: string, order: KaspiApiOrder, @MedusaContext() sharedContext: Ctx = {}): Promise<T.KaspiOrderRecordUpsert> {
    return this.svc_.kaspiOrderLedger.upsert(accountId, order, sharedContext)
  }
  /** An order newly found unreadable failed its import: announced (KASPI_ORDER_NEEDS_ATTENTION_EVENT). */
  recordInvalidKaspiOrder(accountId: string, invalid: Parameters<KaspiOrderLedger["recordInvalid"]>[1], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiOrderLedger.recordInvalid(accountId, invalid, sharedContext)
  }
  claimKaspiOrderImport(id: string, leaseSeconds: number, @MedusaContext() sharedContext: Ctx = {}): Promise<{ id: string; previous_import_status: string } | null> {
    return this.svc_.kaspiOrderLedger.claim(id, leaseSeconds, sharedContext)
  }
  /** An import that ends needing a person (needs_attention, failed) is announced (KASPI_ORDER_NEEDS_ATTENTION_EVENT). */
  finishKaspiOrderImport(id: string, outcome: T.KaspiImportOutcome, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiOrderLedger.finish(id, outcome, sharedContext)
  }
  /** Back in the import queue: by a person's retry, a SKU now mapped, or the finish step's compensation. */
  releaseKaspiOrderImport(id: string, by: T.KaspiImportReleaser = "admin_retry", @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiOrderLedger.release(id, by, sharedContext)
  }
  /** The claim step's compensation: the order goes back to the status the claim found. */
  undoKaspiOrderImportClaim(id: string, previous: T.KaspiImportClaimedFrom, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiOrderLedger.undoClaim(id, previous, sharedContext)
  }
  listKaspiOrdersMissingAccept(accountId: string, opts: Parameters<KaspiOrderLedger["listMissingAccept"]>[1], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiOrderLedger.listMissingAccept(accountId, opts, sharedContext)
  }

  /** Orders by their next deadline (deadline.ts), the first due first; `dueBefore` keeps those due by then. */
  listKaspiOrdersByDeadline(opts: Parameters<KaspiDeadlines["listDue"]>[0], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiDeadlines.listDue(opts, sharedContext)
  }

  // The poll lease (services/kaspi-poll-lease.ts)

  claimKaspiPoll(accountId: string, opts: Parameters<KaspiPollLease["claim"]>[1], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiPollLease.claim(accountId, opts, sharedContext)
  }
  renewKaspiPoll(accountId: string, owner: string, leaseSeconds: number, @MedusaContext() sharedContext: Ctx = {}): Promise<boolean> {
    return this.svc_.kaspiPollLease.renew(accountId, owner, leaseSeconds, sharedContext)
  }
  finishKaspiPoll(accountId: string, result: T.KaspiPollResult, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiPollLease.finish(accountId, result, sharedContext)
  }

  // Backfills in the background (services/kaspi-backfills.ts)

  startKaspiBackfill(input: Parameters<KaspiBackfills["start"]>[0], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiBackfills.start(input, sharedContext)
  }
  claimKaspiBackfill(opts: Parameters<KaspiBackfills["claim"]>[0], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiBackfills.claim(opts, sharedContext)
  }
  saveKaspiBackfillProgress(id: string, owner: string, progress: T.KaspiBackfillProgress, leaseSeconds: number, @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiBackfills.saveProgress(id, owner, progress, leaseSeconds, sharedContext)
  }
  settleKaspiBackfill(id: string, owner: string, outcome: "done" | "cancelled" | "release", @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiBackfills.settle(id, owner, outcome, sharedContext)
  }
  recordKaspiBackfillFailure(id: string, owner: string, failure: Parameters<KaspiBackfills["recordFailure"]>[2], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiBackfills.recordFailure(id, owner, failure, sharedContext)
  }
  cancelKaspiBackfill(id: string, @MedusaContext() sharedContext: Ctx = {}): Promise<T.KaspiBackfillRow | null> {
    return this.svc_.kaspiBackfills.cancel(id, sharedContext)
  }

  // The outbox (services/kaspi-outbox.ts) and the event log (services/kaspi-event-log.ts)

  enqueueKaspiAction(row: T.KaspiActionIntent, @MedusaContext() sharedContext: Ctx = {}): Promise<{ id: string; created: boolean; revived: boolean }> {
    return this.svc_.kaspiOutbox.enqueue(row, sharedContext)
  }
  /** Given-up actions sent again, each said in its order's history (services/revive-given-up-actions.ts). */
  reviveGivenUpKaspiActions(opts: { accountId?: string; answeredSince?: boolean }, why: KaspiReviveReason): Promise<number> {
    return reviveGivenUpActions(this.svc_.kaspiOutbox, this.svc_.kaspiEventLog, opts, why)
  }
  claimKaspiActions(opts: { ids?: string[]; limit: number; leaseSeconds: number }, @MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    return this.svc_.kaspiOutbox.claim(opts, sharedContext)
  }
  /** Each action closed as failed is announced (KASPI_ACTION_FAILED_EVENT). */
  settleAbandonedKaspiActions(outcome: Parameters<KaspiOutbox["settleAbandoned"]>[0], @MedusaContext() sharedContext: Ctx = {}) {
    return this.svc_.kaspiOutbox.settleAbandoned(outcome, sharedContext)
  }
  /** Sent ASSEMBLE actions still without their waybill, oldest first (ids). */
  listKaspiActionsAwaitingWaybill(limit: number, @MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    return this.svc_.kaspiOutbox.awaitingWaybill(limit, sharedContext)
  }
  /** An action Kaspi refused, or given up on, is announced (KASPI_ACTION_FAILED_EVENT). */
  finishKaspiAction(id: string, outcome: T.KaspiActionOutcome, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiOutbox.finish(id, outcome, sharedContext)
  }
  /** The order disagrees with Kaspi (kaspi_order.disagreement, listed until resolved); announced (KASPI_ORDER_DISAGREES_EVENT). */
  flagKaspiOrderDisagreement(id: string, disagreement: Record<string, unknown>, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    return this.svc_.kaspiOrderLedger.flagDisagreement(id, disagreement, sharedContext)
  }
  /** Counts for the admin's lists, stopping at `cap` (capped-count.ts). */
  countKaspiOrdersByImportStatusUpTo(filter: Omit<KaspiOrderListFilter, "import_status">, statuses: string[], cap: number): Promise<Record<string, CappedCount>> {
    return this.svc_.kaspiListCounts.ordersByImportStatus(filter, statuses, cap)
  }
  countKaspiEventsUpTo(filter: Parameters<KaspiListCounts["events"]>[0], cap: number): Promise<CappedCount> {
    return this.svc_.kaspiListCounts.events(filter, cap)
  }

  logKaspiEvent(event: T.KaspiEventInput): Promise<void> {
    return this.svc_.kaspiEventLog.log(event)
  }

  // Retention (services/kaspi-retention.ts; the kaspi-prune-history job runs it under a lock)

  pruneKaspiHistory(opts: Parameters<KaspiRetention["prune"]>[0], @MedusaContext() sharedContext: Ctx = {}): Promise<T.KaspiPruneResult> {
    return this.svc_.kaspiRetention.prune(opts, sharedContext)
  }
  /** The newest run that deleted something (its `kaspi.retention` event), or null. */
  lastKaspiPruneRun(): Promise<T.KaspiPruneRun | null> {
    return this.svc_.kaspiRetention.lastRun()
  }
}

export default KaspiModuleService
