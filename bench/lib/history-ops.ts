import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { pollKaspiAccount } from "../../src/lib/sync/poll-kaspi-account"
import { GET as listOrders } from "../../src/api/admin/kaspi/orders/route"
import { GET as getOrder } from "../../src/api/admin/kaspi/orders/[id]/route"
import { GET as getOrderActions } from "../../src/api/admin/kaspi/orders/[id]/actions/route"
import { GET as getOverview } from "../../src/api/admin/kaspi/overview/route"
import { GET as listEvents } from "../../src/api/admin/kaspi/events/route"
import { callAdminGet } from "./call-admin-route"
import { ACCOUNT, codeOf } from "./history-seed"

type Raw = (sql: string, bindings?: unknown[]) => Promise<any>

export interface HistoryOp {
  op: string
  /** Untimed, before each run: puts back what the previous run changed. */
  before?: () => Promise<void>
  run: () => Promise<unknown>
}

export interface HistoryTargets {
  /**
   * An imported order from the middle of the history, and a linked one (a real Medusa order). Imported at
   * both sizes: an order needing attention costs its list row a look at its history (the reason's words), so
   * a target of another kind at one size than at the other would time different work.
   */
  kaspiOrderId: string
  code: string
  medusaOrderId: string
}

export async function pickTargets(raw: Raw, size: number, linked: Array<{ kaspiOrderId: string; orderId: string }>): Promise<HistoryTargets> {
  const row = (
    await raw(`select id, code from kaspi_order where code >= ? and import_status = 'imported' order by code limit 1`, [codeOf(Math.floor(size / 2))])
  ).rows[0]
  const mid = linked[Math.floor(linked.length / 2)]
  return { kaspiOrderId: row.id, code: row.code, medusaOrderId: mid.orderId }
}

/** Every operation the bench times, at any history size. */
export function historyOps(container: MedusaContainer, raw: Raw, t: HistoryTargets): HistoryOp[] {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const admin = (matcher: string, handler: Parameters<typeof callAdminGet>[2], opts?: Parameters<typeof callAdminGet>[3]) => () =>
    callAdminGet(container, matcher, handler, opts)
  const orders = (query: Record<string, string>) => admin("/admin/kaspi/orders", listOrders as any, { query })
  const events = (query: Record<string, string>) => admin("/admin/kaspi/events", listEvents as any, { query })
  const day = 24 * 3600 * 1000
  const iso = (ms: number) => new Date(ms).toISOString()
  let claimed: string[] = []

  return [
    {
      op: "poll_tick_nothing_new",
      // Due for new orders (last one an hour ago), not for a status sync.
      before: () =>
        raw(`insert into kaspi_sync_state (id, account_id, last_new_poll_at, last_status_sync_at, synced_until)
             values ('ksync_hist', ?, now() - interval '1 hour', now(), now() - interval '1 hour')
             on conflict (account_id) where deleted_at is null do update set
               last_new_poll_at = excluded.last_new_poll_at, last_status_sync_at = excluded.last_status_sync_at, lease_until = null`,
          [ACCOUNT]),
      run: async () => {
        const r = await pollKaspiAccount(container, ACCOUNT)
        if (!r.ran || r.statusSynced || r.error) throw new Error(`poll tick did not run as a new-orders tick: ${JSON.stringify(r)}`)
      },
    },
    {
      op: "status_sync_tick",
      before: () => raw(`update kaspi_sync_state set lease_until = null`),
      run: async () => {
        const r = await pollKaspiAccount(container, ACCOUNT, { force: true })
        if (!r.ran || !r.statusSynced || r.error) throw new Error(`status sync did not run: ${JSON.stringify(r)}`)
      },
    },
    // The tick's own reads of kaspi_order, without the sandbox round trips around them (an empty sandbox
    // answers every by-code read with 404): the same filters as lib/sync's follow-ups.
    {
      op: "poll_open_orders_query",
      run: () =>
        kaspi.listKaspiOrders(
          { account_id: ACCOUNT, state: ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY"], kaspi_created_at: { $gte: new Date(Date.now() - 14 * day) } },
          { select: ["id", "code"], take: 50, order: { updated_at: "ASC" } }
        ),
    },
    {
      op: "poll_refresh_open_query",
      run: () =>
        kaspi.listKaspiOrders(
          {
            account_id: ACCOUNT,
            import_status: "imported",
            status: { $nin: ["COMPLETED", "CANCELLED", "RETURNED"] },
            kaspi_created_at: { $lt: new Date(Date.now() - 14 * day) },
          },
          { select: ["id", "code"], take: 50, order: { updated_at: "ASC" } }
        ),
    },
    {
      op: "outbox_claim",
      // A claim moves due rows to "sending": put them back so every run finds the same rows.
      before: async () => {
        if (claimed.length) {
          await raw(`update kaspi_action set status = 'pending', lease_until = null, attempts = 0 where id = any(?)`, [claimed])
        }
      },
      run: async () => {
        await kaspi.settleAbandonedKaspiActions({ last_error: "bench", error_kind: "unknown", result: {} })
        claimed = await kaspi.claimKaspiActions({ limit: 20, leaseSeconds: 60 })
      },
    },
    { op: "outbox_awaiting_waybill", run: () => kaspi.listKaspiActionsAwaitingWaybill(20) },
    { op: "outbox_missing_accept", run: () => kaspi.listKaspiOrdersMissingAccept(ACCOUNT, { importedBeforeSeconds: 60, limit: 20 }) },
    { op: "orders_first_page", run: orders({}) },
    { op: "orders_import_status", run: orders({ import_status: "needs_attention,failed" }) },
    { op: "orders_import_status_imported", run: orders({ import_status: "imported" }) },
    { op: "orders_status_open", run: orders({ status: "ACCEPTED_BY_MERCHANT" }) },
    { op: "orders_status_completed", run: orders({ status: "COMPLETED" }) },
    { op: "orders_state_kaspi_delivery", run: orders({ state: "KASPI_DELIVERY" }) },
    { op: "orders_state_archive", run: orders({ state: "ARCHIVE" }) },
    { op: "orders_sync_problem", run: orders({ sync_problem: "true" }) },
    { op: "orders_disagrees", run: orders({ disagrees: "true" }) },
    { op: "orders_created_last_7_days", run: orders({ created_from: iso(Date.now() - 7 * day), created_to: iso(Date.now()) }) },
    { op: "orders_search_code", run: orders({ q: t.code }) },
    { op: "overview", run: admin("/admin/kaspi/overview", getOverview as any, { query: { today_from: iso(Date.now() - day) } }) },
    { op: "order_detail", run: admin("/admin/kaspi/orders/:id", getOrder as any, { params: { id: t.kaspiOrderId } }) },
    {
      op: "order_widget",
      // What the order page's widget reads for a Medusa order: the Kaspi order and its outbox rows.
      run: async () => {
        await admin("/admin/kaspi/orders/:id", getOrder as any, { params: { id: t.medusaOrderId } })()
        await admin("/admin/kaspi/orders/:id/actions", getOrderActions as any, { params: { id: t.medusaOrderId } })()
      },
    },
    { op: "events_order", run: events({ kaspi_order_id: t.kaspiOrderId }) },
    { op: "events_code", run: events({ account_id: ACCOUNT, kaspi_code: t.code }) },
    { op: "events_account", run: events({ account_id: ACCOUNT }) },
    // A type with more than a page at both sizes (one per order): the account's own types (poll.failed: 33 at 1k)
    // fill less than a page at 1k, and a fuller page at 100k is more result, not more scanning.
    { op: "events_account_type", run: events({ account_id: ACCOUNT, type: "action.accept", limit: "50" }) },
  ]
}
