import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { importKaspiOrderSafely } from "../../src/lib/sync/import-kaspi-order-safely"
import { KASPI_ORDER_IMPORTED_EVENT } from "../../src/workflows/import-kaspi-order"
import { KASPI_FEED_REFUSED_EVENT } from "../../src/workflows/build-kaspi-feed"
import { KASPI_ACTION_FAILED_EVENT, KASPI_ORDER_DISAGREES_EVENT, KASPI_ORDER_NEEDS_ATTENTION_EVENT } from "../../src/modules/kaspi/events"
import type { KaspiNotificationKind } from "../../src/modules/kaspi/notification-options"
import { notifyKaspi } from "../../src/lib/notifications/notify-kaspi"
import { almatyDay } from "../../src/lib/notifications/build-kaspi-notification"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import { englishNotificationsWithoutFeedScheduler } from "../helpers/notifications-env"

jest.setTimeout(180_000)

const TOKEN = "notifications-test-token"
const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 50 })

englishNotificationsWithoutFeedScheduler()

/**
 * Issue #17 item 3: what needs the merchant reaches Medusa's Notification
 * Module (the admin's bell), once per order, kind and day, whatever triggers
 * it again, and not at all for a kind switched off.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const notifications = () => getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)
    const sent = (kind: KaspiNotificationKind) => notifications().listNotifications({ trigger_type: `kaspi.${kind}` })

    /** Runs `trigger` and waits until the subscribers of `event` are done with it. */
    async function andWait(event: string, trigger: () => Promise<unknown>, triggerCount = 1) {
      const done = TestEventUtils.waitSubscribersExecution(event, getContainer().resolve(Modules.EVENT_BUS), { triggerCount })
      await trigger()
      await done
    }

    const sync = (container: MedusaContainer) => {
      const now = sandbox.now()
      return syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
    }

    async function importOrder(input: Parameters<KaspiSandbox["addOrder"]>[0]) {
      const o = sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", ...input })
      await andWait(KASPI_ORDER_IMPORTED_EVENT, () => sync(getContainer()))
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      return { o, row }
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [
        { sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 },
        { sku: "PHONE-1", title: "Смартфон", price: 150000, stock: 1 },
      ]))
      admin = await adminHeaders(api, container)
    })

    it("new order: one notification in the admin's bell, in the configured language, linking the order; a repeated event adds none", async () => {
      const { o, row } = await importOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      const [n, ...more] = await sent("new_order")
      expect(more).toEqual([])
      expect(n).toMatchObject({
        channel: "feed",
        to: "",
        template: "kaspi-new_order",
        resource_type: "order",
        resource_id: row.order_id,
        idempotency_key: `kaspi:new_order:${ACCOUNT}:${row.kaspi_id}:${almatyDay(new Date())}`,
      })
      expect(n.data).toMatchObject({ title: `New Kaspi order ${o.code}`, url: `/app/orders/${row.order_id}` })
      expect(String(n.data?.description)).toMatch(new RegExp(`^Order ${o.code} came from Kaspi.*Accept it`))

      // What the admin's bell reads (channel feed, addressed to every admin).
      const bell = await api.get(`/admin/notifications`, admin)
      expect(bell.data.notifications.find((x: { id: string }) => x.id === n.id)?.data).toMatchObject({ title: `New Kaspi order ${o.code}` })

      // The event delivered again (at-least-once buses do that): still one.
      await andWait(KASPI_ORDER_IMPORTED_EVENT, () =>
        getContainer().resolve(Modules.EVENT_BUS).emit({ name: KASPI_ORDER_IMPORTED_EVENT, data: { id: row.id, order_id: row.order_id, account_id: ACCOUNT, code: o.code } })
      )
      expect(await sent("new_order")).toHaveLength(1)
    })

    it("needs attention: an unmapped SKU and a stock shortage each notify once, with the reason; a retry that ends the same adds none", async () => {
      const container = getContainer()
      const unmapped = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "123456_1", quantity: 1, basePrice: 3500 }] })
      await andWait(KASPI_ORDER_NEEDS_ATTENTION_EVENT, () => sync(container))
      const [row] = await kaspi.listKaspiOrders({ code: unmapped.code })
      expect(row.import_status).toBe("needs_attention")
      const [n, ...more] = await sent("needs_attention")
      expect(more).toEqual([])
      expect(n).toMatchObject({ resource_type: "kaspi_order", resource_id: row.kaspi_id, data: { title: `Kaspi order ${unmapped.code} needs attention`, url: "/app/kaspi" } })
      expect(String(n.data?.description)).toContain("Kaspi SKU 123456_1 (")
      expect(String(n.data?.description)).not.toContain("..")

      // Retried the same day, still unmapped: the same outcome is not told twice.
      const order = await (await kaspi.getClient(ACCOUNT)).getOrderByCode(unmapped.code)
      await andWait(KASPI_ORDER_NEEDS_ATTENTION_EVENT, () => importKaspiOrderSafely(container, ACCOUNT, order!))
      expect(await sent("needs_attention")).toHaveLength(1)

      // Medusa refusing the order (no stock) is the other way an import waits for a person.
      const short = sandbox.addOrder({ status: "APPROVED_BY_BANK", storeId: "PP1", entries: [{ sku: "PHONE-1", quantity: 3, basePrice: 150000 }] })
      await andWait(KASPI_ORDER_NEEDS_ATTENTION_EVENT, () => sync(container))
      const texts = (await sent("needs_attention")).map((x) => String(x.data?.title))
      expect(texts.sort()).toEqual([`Kaspi order ${short.code} needs attention`, `Kaspi order ${unmapped.code} needs attention`].sort())
    })

    it("needs attention in Russian: the plugin's reason is said in Russian too, not in the English it is stored in", async () => {
      const options = kaspi.getResolvedOptions().notifications
      options.language = "ru"
      try {
        const unmapped = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "123456_9", quantity: 1, basePrice: 3500 }] })
        await andWait(KASPI_ORDER_NEEDS_ATTENTION_EVENT, () => sync(getContainer()))
        const [n] = await sent("needs_attention")
        expect(n.data?.title).toBe(`Заказ Kaspi ${unmapped.code} требует внимания`)
        expect(String(n.data?.description)).toContain("Нет товара Medusa для артикула Kaspi 123456_9 (")
        expect(String(n.data?.description)).not.toContain("..")
        expect(String(n.data?.description)).not.toMatch(/No Medusa|link it/)
      } finally {
        options.language = "en"
      }
    })

    it("a cancel Kaspi refuses: one 'action failed' and one 'disagreement', also when it is sent again and refused again", async () => {
      const container = getContainer()
      const { o, row } = await importOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
      // Packed on Kaspi's side: Kaspi refuses the cancel Medusa's own screens make.
      await (await kaspi.getClient(ACCOUNT)).assembleOrder({ id: row.kaspi_id, code: o.code }, 1)
      const bus = container.resolve(Modules.EVENT_BUS)
      const disagrees = TestEventUtils.waitSubscribersExecution(KASPI_ORDER_DISAGREES_EVENT, bus)
      await andWait(KASPI_ACTION_FAILED_EVENT, async () => {
        const canceled = TestEventUtils.waitSubscribersExecution("order.canceled", bus)
        await cancelOrderWorkflow(container).run({ input: { order_id: row.order_id as string } })
        await canceled
      })
      await disagrees
      const [action] = await kaspi.listKaspiActions({ kaspi_order_id: row.id, action: "cancel" })
      expect(action.status).toBe("failed")

      const [failed, ...moreFailed] = await sent("action_failed")
      expect(moreFailed).toEqual([])
      expect(failed.data).toMatchObject({ title: `Kaspi did not take an action on order ${o.code}`, url: `/app/orders/${row.order_id}` })
      expect(String(failed.data?.description)).toMatch(/^"Cancel" on order .* did not go through: .*assembled, so it can't be cancelled/)
      const [flagged, ...moreFlagged] = await sent("disagreement")
      expect(moreFlagged).toEqual([])
      expect(flagged.data).toMatchObject({ title: `Medusa and Kaspi disagree on order ${o.code}` })
      // Worded like the order's card, with Kaspi's own words, not the stored English reason ("cancel was done in Medusa (order.canceled) …").
      expect(String(flagged.data?.description)).toMatch(/^Cancel was done in Medusa, but Kaspi refused it\. Kaspi said: «.*assembled, so it can't be cancelled.*»\. Compare order/)

      // "Send again" from the Kaspi page: refused again; nothing new in the bell today.
      await andWait(KASPI_ACTION_FAILED_EVENT, () => api.post(`/admin/kaspi/actions/${action.id}/retry`, {}, { ...admin, validateStatus: () => true }))
      expect((await kaspi.listKaspiActions({ id: action.id }))[0].status).toBe("failed")
      expect(await sent("action_failed")).toHaveLength(1)
      // Medusa's order.canceled delivered again: the cancel is asked for, refused and flagged again; still one of each.
      const againDisagrees = TestEventUtils.waitSubscribersExecution(KASPI_ORDER_DISAGREES_EVENT, bus)
      await andWait(KASPI_ACTION_FAILED_EVENT, () => bus.emit({ name: "order.canceled", data: { id: row.order_id } }))
      await againDisagrees
      expect(await sent("action_failed")).toHaveLength(1)
      expect(await sent("disagreement")).toHaveLength(1)
    })

    it("a price list the guards refuse: one notification per shop and day, however often it is rebuilt", async () => {
      const post = (url: string, body: unknown) => api.post(url, body, { ...admin, validateStatus: () => true })
      expect((await post("/admin/kaspi/feed/default/config", { product_tag_ids: ["ptag_none"] })).status).toBe(200)
      for (let i = 0; i < 2; i++) {
        await andWait(KASPI_FEED_REFUSED_EVENT, async () => {
          const r = await post("/admin/kaspi/feed/default/rebuild", {})
          expect(r.data.build).toMatchObject({ status: "refused", refusal_code: "empty_feed" })
        })
      }
      const [n, ...more] = await sent("feed_refused")
      expect(more).toEqual([])
      expect(n).toMatchObject({ resource_type: "kaspi_feed", resource_id: ACCOUNT, data: { title: "Kaspi price list not published", url: "/app/settings/kaspi" } })
      expect(String(n.data?.description)).toMatch(/no valid offers/)
    })

    it("deadline: sent when the deadlines feature calls notifyKaspi, once a day, also when sent at once", async () => {
      const container = getContainer()
      const notice = { kind: "deadline" as const, account_id: ACCOUNT, subject: "kaspi-1", code: "510001", deadline: "accept" as const, due_at: "2026-12-05T12:00:00Z" }
      expect(await notifyKaspi(container, notice)).toEqual([{ channel: "feed", outcome: "sent" }])
      expect(await notifyKaspi(container, notice)).toEqual([{ channel: "feed", outcome: "already_sent" }])
      const [n, ...more] = await sent("deadline")
      expect(more).toEqual([])
      expect(n.data).toMatchObject({ title: "Deadline on Kaspi order 510001", url: "/app/kaspi" })
      expect(String(n.data?.description)).toBe("Accept the order — by 05.12, 17:00 (Almaty). Act in time, or Kaspi may cancel order 510001.")

      // Sent at once from several places (instances): the database's unique key lets one through.
      const racing = await Promise.all([1, 2, 3].map(() => notifyKaspi(container, { ...notice, subject: "kaspi-2" })))
      expect(racing.map(([r]) => r.outcome).sort()).toEqual(["already_sent", "already_sent", "sent"])
      expect(await sent("deadline")).toHaveLength(2)
    })

    it("a kind switched off sends nothing, and so does everything switched off; a channel without a provider fails nothing", async () => {
      const options = kaspi.getResolvedOptions().notifications
      const saved = structuredClone(options)
      try {
        options.kinds.new_order.enabled = false
        await importOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
        expect(await sent("new_order")).toEqual([])

        options.kinds.new_order.enabled = true
        options.enabled = false
        await importOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
        expect(await sent("new_order")).toEqual([])

        // No provider serves "email" in this store: the import still goes through, the feed still gets it.
        options.enabled = true
        options.kinds.new_order = { enabled: true, channels: ["email", "feed"], to: "ops@shop.kz" }
        const { o } = await importOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
        const feed = (await sent("new_order")).filter((n) => n.channel === "feed")
        expect(feed.map((n) => n.data?.title)).toEqual([`New Kaspi order ${o.code}`])
        expect(await notifyKaspi(getContainer(), { kind: "new_order", account_id: ACCOUNT, subject: "kaspi-x", code: "510002" })).toEqual([
          { channel: "email", outcome: "no_provider" },
          { channel: "feed", outcome: "sent" },
        ])
      } finally {
        Object.assign(options, saved)
      }
    })
  },
})
