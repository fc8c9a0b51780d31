import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import { adminHeaders } from "../helpers/admin-auth"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { pruneKaspiHistory, RETENTION_LOCK_KEY } from "../../src/lib/retention/prune-kaspi-history"
import { RETENTION_EVENT } from "../../src/modules/kaspi/services/kaspi-retention"
import pruneKaspiHistoryJob from "../../src/jobs/prune-kaspi-history"

jest.setTimeout(180_000)

/**
 * Retention (issue #16): old events and finished actions are deleted in
 * batches, what must stay stays, one run at a time, and an order whose old
 * history was pruned still opens in the admin.
 */
const TOKEN = "retention-test-token"
const ACCOUNT = "default"
const DAY = 24 * 3600 * 1000
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 50 })

/** Moves rows into the past, as a clock 200 days on would see them. */
async function age(container: MedusaContainer, table: "kaspi_event" | "kaspi_action", ids: string[], days: number, touched = days) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(
    `update ${table} set created_at = now() - (? * interval '1 day'), updated_at = now() - (? * interval '1 day') where id = any(?)`,
    [days, touched, ids]
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const settings = { days: 180, batchSize: 2, maxBatchesPerRun: 100 }
    const event = async (n: number) =>
      (await kaspi.createKaspiEvents({ account_id: ACCOUNT, type: "test.note", message: `note ${n}` })).id
    const action = async (key: string, status: "pending" | "sending" | "sent" | "failed" | "dry_run", kaspiOrderId = "kord_x") =>
      (
        await kaspi.createKaspiActions({
          account_id: ACCOUNT,
          kaspi_order_id: kaspiOrderId,
          kaspi_id: "KID",
          code: "100",
          action: "accept",
          payload: {},
          idempotency_key: key,
          status,
        })
      ).id
    const eventIds = async (ids: string[]) => (await kaspi.listKaspiEvents({ id: ids }, { select: ["id"] })).map((e) => e.id).sort()
    const actionIds = async (ids: string[]) => (await kaspi.listKaspiActions({ id: ids }, { select: ["id"] })).map((a) => a.id).sort()

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 }]))
      admin = await adminHeaders(api, container)
    })

    it("deletes old events and finished actions in batches, and keeps recent rows, unsent actions and a flagged order's action", async () => {
      const container = getContainer()
      const oldEvents = [await event(1), await event(2), await event(3), await event(4), await event(5)]
      const recentEvents = [await event(6), await event(7)]
      await age(container, "kaspi_event", oldEvents, 200)
      await age(container, "kaspi_event", [recentEvents[0]], 179)

      const oldFinished = [
        await action("a1", "sent"),
        await action("a2", "sent"),
        await action("a3", "failed"),
        await action("a4", "failed"),
        await action("a5", "dry_run"),
      ]
      const oldUnsent = [await action("a6", "pending"), await action("a7", "sending")]
      const recentSent = await action("a8", "sent")
      // Failed 200 days ago, sent again and failed again yesterday: its age is yesterday.
      const retriedLately = await action("a9", "failed")
      // The action a still-flagged order disagrees about, and one whose order's flag was settled.
      const flagged = await kaspi.createKaspiOrders(kaspiOrder("K-FLAG", "200"))
      const settled = await kaspi.createKaspiOrders(kaspiOrder("K-SETTLED", "201"))
      const disputed = await action("a10", "failed", flagged.id)
      const wasDisputed = await action("a11", "failed", settled.id)
      await kaspi.updateKaspiOrders({ id: flagged.id, disagreement: { kind: "kaspi_refused", action_id: disputed, reason: "r", at: "2026-01-01" } })
      await age(container, "kaspi_action", [...oldFinished, ...oldUnsent, disputed, wasDisputed], 200)
      await age(container, "kaspi_action", [recentSent], 10)
      await age(container, "kaspi_action", [retriedLately], 200, 1)

      const run = await pruneKaspiHistory(container, settings)
      // 5 old events in statements of 2: 2 + 2 + 1. 6 old finished actions (a1–a5, a11): 2 + 2 + 2 + an empty one.
      expect(run).toEqual({ busy: false, events: 5, actions: 6, batches: { events: 3, actions: 4 }, capped: false })
      expect(await eventIds([...oldEvents, ...recentEvents])).toEqual([...recentEvents].sort())
      const allActions = [...oldFinished, ...oldUnsent, recentSent, retriedLately, disputed, wasDisputed]
      expect(await actionIds(allActions)).toEqual([...oldUnsent, recentSent, retriedLately, disputed].sort())
      // The orders themselves (and their raw Kaspi JSON) are never pruned.
      expect((await kaspi.listKaspiOrders({ id: [flagged.id, settled.id] }, { select: ["id", "raw"] })).map((o) => o.raw)).toEqual([
        { from: "kaspi" },
        { from: "kaspi" },
      ])

      // The run left one summary, and the next run finds nothing and leaves none.
      const summaries = await kaspi.listKaspiEvents({ type: RETENTION_EVENT })
      expect(summaries).toHaveLength(1)
      expect(summaries[0]).toMatchObject({ account_id: "*", data: { events: 5, actions: 6, days: 180, capped: false } })
      expect(await pruneKaspiHistory(container, settings)).toEqual({
        busy: false,
        events: 0,
        actions: 0,
        batches: { events: 1, actions: 1 },
        capped: false,
      })
      expect(await kaspi.listKaspiEvents({ type: RETENTION_EVENT })).toHaveLength(1)

      // Settings → Kaspi shows the age (the test app switches the job off) and the last run.
      const overview = await api.get("/admin/kaspi/overview", admin)
      expect(overview.data.options.retention).toEqual({
        enabled: false,
        days: 180,
        last_run: { at: summaries[0].data!.at, events: 5, actions: 6, capped: false },
      })
    })

    it("stops at the per-run cap and goes on next run; a second run while one holds the lock skips", async () => {
      const container = getContainer()
      const old = [await event(1), await event(2), await event(3), await event(4), await event(5)]
      await age(container, "kaspi_event", old, 365)
      // The test app has `retention.enabled: false` (medusa-config.ts): the scheduled job then deletes nothing.
      await pruneKaspiHistoryJob(container)
      expect(await eventIds(old)).toHaveLength(5)

      const capped = await pruneKaspiHistory(container, { ...settings, maxBatchesPerRun: 2 })
      expect(capped).toEqual({ busy: false, events: 4, actions: 0, batches: { events: 2, actions: 1 }, capped: true })
      expect(await eventIds(old)).toHaveLength(1)

      const locking = container.resolve(Modules.LOCKING)
      const whileHeld = await locking.execute(RETENTION_LOCK_KEY, () => pruneKaspiHistory(container, settings))
      expect(whileHeld).toEqual({ busy: true })
      expect(await eventIds(old)).toHaveLength(1)

      const rest = await pruneKaspiHistory(container, settings)
      expect(rest).toMatchObject({ busy: false, events: 1, capped: false })
      expect(await eventIds(old)).toEqual([])
    })

    it("still shows an order whose old history was pruned: what is left of its history, its raw JSON and the same actions", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      const now = sandbox.now()
      await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      const accepted = await api.post(`/admin/kaspi/orders/${row.id}/actions`, { action: "accept" }, admin)
      expect(accepted.data.action.status).toBe("sent")

      const before = (await api.get(`/admin/kaspi/orders/${row.order_id}`, admin)).data
      const history = (await kaspi.listKaspiEvents({ kaspi_order_id: row.id }, { select: ["id", "type"], order: { created_at: "ASC" } }))
      expect(history.length).toBeGreaterThanOrEqual(2)
      const [oldest, ...rest] = history.map((e) => e.id)
      // The import's event is 200 days old, the rest (the accept's) recent; the sent accept is old too.
      await age(container, "kaspi_event", [oldest], 200)
      await age(container, "kaspi_action", [accepted.data.action.id], 200)

      const run = await pruneKaspiHistory(container, { ...settings, batchSize: 1000 })
      expect(run).toMatchObject({ events: 1, actions: 1 })

      const after = await api.get(`/admin/kaspi/orders/${row.order_id}`, { ...admin, validateStatus: () => true })
      expect(after.status).toBe(200)
      expect(after.data.events.map((e: { id: string }) => e.id).sort()).toEqual([...rest].sort())
      expect(after.data.kaspi_order).toMatchObject({ id: row.id, code: o.code, status: "ACCEPTED_BY_MERCHANT" })
      expect(after.data.kaspi_order.raw).toEqual(before.kaspi_order.raw)
      expect(after.data.allowed_actions).toEqual(before.allowed_actions)
      const actions = await api.get(`/admin/kaspi/orders/${row.id}/actions`, admin)
      expect(actions.data.actions).toEqual([])
      const list = await api.get(`/admin/kaspi/orders?q=${o.code}`, admin)
      expect(list.data.kaspi_orders.map((r: { id: string }) => r.id)).toEqual([row.id])
    })
  },
})

/** A Kaspi order record as the ledger keeps one; only its id and disagreement matter here. */
function kaspiOrder(kaspiId: string, code: string) {
  return {
    account_id: ACCOUNT,
    kaspi_id: kaspiId,
    code,
    state: "ARCHIVE",
    status: "CANCELLED",
    total_price: 1000,
    kaspi_created_at: new Date(Date.now() - 300 * DAY),
    import_status: "ignored" as const,
    raw: { from: "kaspi" },
  }
}
