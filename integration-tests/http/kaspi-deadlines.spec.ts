import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { KASPI_ORDER_IMPORTED_EVENT } from "../../src/workflows/import-kaspi-order"
import { warnKaspiDeadlines } from "../../src/lib/deadlines/warn-kaspi-deadlines"
import { acceptMissedAutoAccepts } from "../../src/lib/outbox/accept-missed-auto-accepts"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import { englishNotificationsWithoutFeedScheduler } from "../helpers/notifications-env"
import type { AdminKaspiDeadlinesResponse, AdminKaspiOrderListItem } from "../../src/types"

jest.setTimeout(180_000)

const TOKEN = "deadlines-test-token"
const MIN = 60_000
const DAY = 24 * 60 * MIN
const ACCOUNT = "default"
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 50 })

englishNotificationsWithoutFeedScheduler()

/**
 * Issue #17 item 2: each order's next deadline (acceptance, courier hand-over)
 * from Kaspi's own times, shown as a countdown and sorted due-first, warned
 * about once, and the auto-accept sweep taking the most urgent order first.
 * The sandbox's clock places the bank's approval in the past.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const notifications = () => getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    async function importOrders(inputs: Array<Parameters<KaspiSandbox["addOrder"]>[0]>) {
      const added = inputs.map((input) => sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", ...input }))
      const done = TestEventUtils.waitSubscribersExecution(KASPI_ORDER_IMPORTED_EVENT, getContainer().resolve(Modules.EVENT_BUS), {
        triggerCount: added.length,
      })
      const now = sandbox.now()
      await syncKaspiOrders(getContainer(), { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
      await done
      const rows = await Promise.all(added.map(async (o) => (await kaspi.listKaspiOrders({ code: o.code }))[0]))
      for (const r of rows) expect(r.import_status).toBe("imported")
      return rows
    }

    /** Three orders: one due for acceptance in 10 min, one in 40 min, one to hand to the courier tomorrow. */
    async function threeOrders() {
      const now = sandbox.now()
      const [soon, later, courier] = await importOrders([
        { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", creationDate: now - 55 * MIN, approvedByBankDate: now - 50 * MIN },
        { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", creationDate: now - 21 * MIN, approvedByBankDate: now - 20 * MIN },
        { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: true, creationDate: now - 2 * 60 * MIN },
      ])
      return { now, soon, later, courier }
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 }]))
      admin = await adminHeaders(api, container)
    })

    it("countdown: each order's deadline in the list, the widget and the due-first list, from Kaspi's times and acceptWithinMinutes", async () => {
      const { now, soon, later, courier } = await threeOrders()
      expect(kaspi.getResolvedOptions().orders.acceptWithinMinutes).toBe(60)

      const list = (await api.get(`/admin/kaspi/orders?limit=50`, admin)).data.kaspi_orders as AdminKaspiOrderListItem[]
      const deadlineOf = (id: string) => list.find((o) => o.id === id)?.deadline
      // Each with the warning's lead time (deadlineWarnMinutes), which turns the card's countdown orange.
      expect(deadlineOf(soon.id)).toEqual({ kind: "accept", due_at: new Date(now - 50 * MIN + 60 * MIN).toISOString(), warn_minutes: 15 })
      expect(deadlineOf(later.id)).toEqual({ kind: "accept", due_at: new Date(now - 20 * MIN + 60 * MIN).toISOString(), warn_minutes: 15 })
      // The sandbox plans the courier's pick-up a day after creation (kaspiDelivery.courierTransmissionPlanningDate).
      expect(deadlineOf(courier.id)).toEqual({ kind: "handover", due_at: new Date(now - 2 * 60 * MIN + DAY).toISOString(), warn_minutes: 15 })

      const widget = (await api.get(`/admin/kaspi/orders/${soon.order_id}`, admin)).data
      expect(widget.kaspi_order.deadline).toEqual(deadlineOf(soon.id))

      // The due-first list (the same rule in SQL) agrees with each row's own deadline, most urgent first.
      const due = (await api.get(`/admin/kaspi/deadlines?account_id=${ACCOUNT}`, admin)).data as AdminKaspiDeadlinesResponse
      expect(due).toMatchObject({ accept_within_minutes: 60, warn_minutes: 15 })
      expect(due.deadlines.map((d) => d.code)).toEqual([soon.code, later.code, courier.code])
      for (const d of due.deadlines) expect({ kind: d.kind, due_at: d.due_at, warn_minutes: due.warn_minutes }).toEqual(deadlineOf(d.id))
      expect((await api.get(`/admin/kaspi/deadlines?limit=1`, admin)).data.deadlines.map((d: { code: string }) => d.code)).toEqual([soon.code])
    })

    it("warning: a deadline within deadlineWarnMinutes is announced once, whatever runs again; one further away is not yet", async () => {
      const { soon, later } = await threeOrders()
      const deadlineNotices = () => notifications().listNotifications({ trigger_type: "kaspi.deadline" })

      expect(await warnKaspiDeadlines(getContainer(), [ACCOUNT])).toEqual({ busy: false, due: 1, warned: 1 })
      const [n, ...more] = await deadlineNotices()
      expect(more).toEqual([])
      expect(n).toMatchObject({ resource_type: "order", resource_id: soon.order_id, data: { title: `Deadline on Kaspi order ${soon.code}` } })
      expect(n).toMatchObject({ idempotency_key: expect.stringContaining(`:${soon.kaspi_id}:accept:`) })
      expect(String(n.data?.description)).toMatch(/^Accept the order — by .* \(Almaty\)\./)

      // The next minute's run, and two instances at once: nothing new.
      expect(await warnKaspiDeadlines(getContainer(), [ACCOUNT])).toEqual({ busy: false, due: 1, warned: 0 })
      const racing = await Promise.all([1, 2].map(() => warnKaspiDeadlines(getContainer(), [ACCOUNT])))
      expect(racing.map((r) => ("warned" in r ? r.warned : 0))).toEqual([0, 0])
      expect(await deadlineNotices()).toHaveLength(1)
      // The order's history says it was warned, once, in a sentence the admin says in the user's language.
      const warnedEvents = await kaspi.listKaspiEvents({ kaspi_order_id: soon.id, type: "deadline.warned" })
      expect(warnedEvents).toHaveLength(1)
      expect(warnedEvents[0]).toMatchObject({ result: "info", data: { code: "deadline.warned_accept", params: { due: expect.stringMatching(/^\d\d\.\d\d, \d\d:\d\d$/) } } })

      // Warned earlier: the 40-minute one comes in, once.
      const orders = kaspi.getResolvedOptions().orders
      const saved = orders.deadlineWarnMinutes
      try {
        orders.deadlineWarnMinutes = 45
        expect(await warnKaspiDeadlines(getContainer(), [ACCOUNT])).toEqual({ busy: false, due: 2, warned: 1 })
      } finally {
        orders.deadlineWarnMinutes = saved
      }
      expect((await deadlineNotices()).map((x) => x.resource_id).sort()).toEqual([soon.order_id, later.order_id].sort())
    })

    it("auto-accept's sweep takes the order closest to its acceptance deadline first", async () => {
      // Imported before auto-accept was on (as after a restart that lost the events): the sweep finds both.
      // The less urgent one is imported first, so import order alone would pick it.
      const now = sandbox.now()
      const [later] = await importOrders([
        { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", creationDate: now - 21 * MIN, approvedByBankDate: now - 20 * MIN },
      ])
      const [soon] = await importOrders([
        { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", creationDate: now - 55 * MIN, approvedByBankDate: now - 50 * MIN },
      ])
      await kaspi.setOrderOptionOverrides(ACCOUNT, { auto_accept: true })
      try {
        const accepted = async () => (await kaspi.listKaspiActions({ action: "accept" }, { order: { created_at: "ASC" } })).map((a) => a.kaspi_order_id)
        expect(await acceptMissedAutoAccepts(getContainer(), ACCOUNT, { importedBeforeSeconds: 0, limit: 1 })).toBe(1)
        expect(await accepted()).toEqual([soon.id])
        expect(await acceptMissedAutoAccepts(getContainer(), ACCOUNT, { importedBeforeSeconds: 0, limit: 1 })).toBe(1)
        expect(await accepted()).toEqual([soon.id, later.id])
      } finally {
        await kaspi.setOrderOptionOverrides(ACCOUNT, { auto_accept: null })
      }
    })
  },
})
