import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import {
  CANCELLED_STATUSES,
  MERCHANT_CANCELLATION_REASONS,
  cancellationShare,
  cancellationWindowStart,
} from "../../../../lib/overview/cancellation-share"
import type { AdminKaspiOverviewType } from "./validators"
import type { AdminKaspiOverviewAccount, AdminKaspiOverviewResponse } from "../../../../types"

const DAY_MS = 24 * 3600 * 1000
/** Failed actions older than this are history, not something to look at today. */
const RECENT_FAILURES_DAYS = 7

async function count(kaspi: KaspiModuleService, filters: Record<string, unknown>): Promise<number> {
  const [, n] = await kaspi.listAndCountKaspiOrders(filters, { take: 1, select: ["id"] })
  return n
}

async function countActions(kaspi: KaspiModuleService, filters: Record<string, unknown>): Promise<number> {
  const [, n] = await kaspi.listAndCountKaspiActions(filters, { take: 1, select: ["id"] })
  return n
}

/** One account's sync state and 30-day cancellation share. */
async function accountOverview(
  kaspi: KaspiModuleService,
  account: ReturnType<KaspiModuleService["listAccounts"]>[number],
  now: Date
): Promise<AdminKaspiOverviewAccount> {
  const [sync] = await kaspi.listKaspiSyncStates({ account_id: account.id })
  const inWindow = { account_id: account.id, kaspi_created_at: { $gte: cancellationWindowStart(now) } }
  const [total, cancelled, merchant] = await Promise.all([
    count(kaspi, inWindow),
    count(kaspi, { ...inWindow, status: [...CANCELLED_STATUSES] }),
    count(kaspi, { ...inWindow, status: [...CANCELLED_STATUSES], cancellation_reason: [...MERCHANT_CANCELLATION_REASONS] }),
  ])
  const orderOptions = await kaspi.getOrderOptions(account.id)
  return {
    id: account.id,
    name: account.name ?? null,
    merchant_id: account.merchantId,
    has_token: account.hasToken,
    // In force for this shop (medusa-config, or changed in Settings → Kaspi).
    polling: orderOptions.polling,
    auto_accept: orderOptions.autoAccept,
    sync: sync
      ? {
          last_new_poll_at: sync.last_new_poll_at,
          last_status_sync_at: sync.last_status_sync_at,
          last_success_at: sync.last_success_at,
          last_error: sync.last_error,
          synced_until: sync.synced_until,
        }
      : null,
    cancellations: cancellationShare({ total, merchant, kaspi: cancelled - merchant }),
  }
}

/**
 * GET /admin/kaspi/overview: is the integration healthy? Last sync per
 * account, orders imported today, orders and actions that need a person, the
 * 30-day cancellation share against Kaspi's thresholds, and the options from
 * medusa-config (per account, polling and auto-accept as in force, which the
 * store owner may change in Settings → Kaspi), with retention's last run.
 */
export async function GET(req: MedusaRequest<unknown, AdminKaspiOverviewType>, res: MedusaResponse<AdminKaspiOverviewResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminKaspiOverviewType
  const now = new Date()
  const todayFrom = q.today_from ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const options = kaspi.getResolvedOptions()

  const [accounts, importedToday, needsAttention, failed, actionsPending, actionsFailed, lastPrune] = await Promise.all([
    kaspi.describeAccounts().then((list) => Promise.all(list.map((a) => accountOverview(kaspi, a, now)))),
    count(kaspi, { import_status: "imported", last_attempt_at: { $gte: todayFrom } }),
    count(kaspi, { import_status: "needs_attention" }),
    count(kaspi, { import_status: "failed" }),
    countActions(kaspi, { status: ["pending", "sending"] }),
    countActions(kaspi, { status: "failed", updated_at: { $gte: new Date(now.getTime() - RECENT_FAILURES_DAYS * DAY_MS) } }),
    kaspi.lastKaspiPruneRun(),
  ])

  res.json({
    generated_at: now,
    accounts,
    orders: { imported_today: importedToday, today_from: todayFrom, needs_attention: needsAttention, failed },
    actions: { pending: actionsPending, failed_recently: actionsFailed, failed_window_days: RECENT_FAILURES_DAYS },
    options: {
      polling: options.orders.polling,
      poll_interval_seconds: options.orders.pollIntervalSeconds,
      archive_sync_interval_seconds: options.orders.archiveSyncIntervalSeconds,
      archive_read: options.orders.archiveRead,
      auto_accept: options.orders.autoAccept,
      dry_run: options.actions.dryRun,
      send_immediately: options.actions.sendImmediately,
      default_cancel_reason: options.actions.defaultCancelReason,
      retention: {
        enabled: options.retention.enabled,
        days: options.retention.days,
        last_run: lastPrune
          ? { at: lastPrune.at, events: lastPrune.events, actions: lastPrune.actions, capped: lastPrune.capped }
          : null,
      },
    },
  })
}
