import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { prepareKaspiShop } from "../helpers/kaspi-shop"

jest.setTimeout(180_000)

const TOKEN = "line-changes-test-token"
const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 50 })

type OrderView = {
  total: number
  status: string
  items: Array<{ id: string; variant_sku: string; quantity: number }>
  payment_collections: Array<{ payments: Array<{ id: string; amount: number; refunds?: Array<{ amount: number }> | null }> }>
}

// Issue #13: lines Kaspi changes (a line cancelled or cut in the Kaspi cabinet, API.md a.12) reach the Medusa order.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const sync = (container: MedusaContainer) => {
      const now = sandbox.now()
      return syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
    }

    /** CASE-1 ×3 and CABLE-1 ×2, accepted, pickup: 3·3500 + 2·1500 = 13500 ₸. */
    async function importOrder(container: MedusaContainer, input: Parameters<KaspiSandbox["addOrder"]>[0] = {}) {
      const o = sandbox.addOrder({
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_PICKUP",
        storeId: "PP1",
        entries: [
          { sku: "CASE-1", quantity: 3, basePrice: 3500 },
          { sku: "CABLE-1", quantity: 2, basePrice: 1500 },
        ],
        ...input,
      })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      return { o, row, orderId: row.order_id as string }
    }

    const read = async (container: MedusaContainer, orderId: string): Promise<OrderView> =>
      (
        await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["total", "status", "items.*", "payment_collections.payments.id", "payment_collections.payments.amount", "payment_collections.payments.refunds.amount"],
          filters: { id: orderId },
        })
      ).data[0] as unknown as OrderView
    const quantities = (o: OrderView) => Object.fromEntries(o.items.map((i) => [i.variant_sku, Number(i.quantity)]))
    const refunds = (o: OrderView) => o.payment_collections.flatMap((pc) => pc.payments.flatMap((p) => (p.refunds ?? []).map((r) => Number(r.amount))))
    const edits = async (container: MedusaContainer, orderId: string) =>
      (
        await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order_change",
          fields: ["id", "status", "change_type"],
          filters: { order_id: orderId },
        })
      ).data.filter((c: { change_type: string }) => c.change_type === "edit") as Array<{ status: string }>
    const reservations = async (container: MedusaContainer, o: OrderView) =>
      Object.fromEntries(
        (
          await container.resolve(ContainerRegistrationKeys.QUERY).graph({
            entity: "reservation_item",
            fields: ["quantity", "line_item_id"],
            filters: { line_item_id: o.items.map((i) => i.id) },
          })
        ).data.map((r: { quantity: number; line_item_id: string }) => [o.items.find((i) => i.id === r.line_item_id)?.variant_sku, Number(r.quantity)])
      )
    const history = async (kaspiOrderId: string, type: string) => (await kaspi.listKaspiEvents({ kaspi_order_id: kaspiOrderId })).filter((e) => e.type === type)

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi } = await prepareKaspiShop(container, sandbox, ACCOUNT, [
        { sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 },
        { sku: "CABLE-1", title: "Кабель", price: 1500, stock: 100 },
      ]))
      admin = await adminHeaders(api, container)
    })

    it("a line cut and a line cancelled in the Kaspi cabinet: after a sync, one order edit, Kaspi's refund recorded, reservations reduced; a second sync changes nothing", async () => {
      const container = getContainer()
      const { o, row, orderId } = await importOrder(container)
      const before = await read(container, orderId)
      expect(Number(before.total)).toBe(13500)
      sandbox.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })
      sandbox.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 1, remainedQuantity: 0 })
      expect(sandbox.getOrder(o.code)?.totalPrice).toBe(3500)

      const stats = await sync(container)
      expect(stats).toMatchObject({ line_changes: 1, status_changes: 0 })
      const after = await read(container, orderId)
      // (Medusa lists no line at quantity 0)
      expect(quantities(after)).toEqual({ "CASE-1": 1 })
      expect(Number(after.total)).toBe(sandbox.getOrder(o.code)?.totalPrice)
      expect(refunds(after)).toEqual([10000])
      expect((await edits(container, orderId)).map((e) => e.status)).toEqual(["confirmed"])
      const reserved = await reservations(container, before)
      expect(reserved["CASE-1"]).toBe(1)
      expect(reserved["CABLE-1"] ?? 0).toBe(0)
      const [record] = await kaspi.listKaspiOrders({ id: row.id })
      expect(Number(record.total_price)).toBe(3500)
      const followed = await history(row.id, "medusa.lines_followed")
      expect(followed.map((e) => e.data)).toEqual([
        expect.objectContaining({ code: "medusa.lines_followed", params: { lines: "Чехол 3 → 1, Кабель 2 → 0", refunded: 10000 } }),
      ])
      // Kaspi made the change: nothing is sent back
      expect(sandbox.actions().filter((a) => a.code === o.code)).toEqual([])

      expect(await sync(container)).toMatchObject({ line_changes: 0, status_changes: 0 })
      const again = await read(container, orderId)
      expect(quantities(again)).toEqual({ "CASE-1": 1 })
      expect(refunds(again)).toEqual([10000])
      expect(await edits(container, orderId)).toHaveLength(1)
      expect(await history(row.id, "medusa.lines_followed")).toHaveLength(1)
    })

    it("a line cut Medusa cannot refund: the order edit is undone (order as before, none left open) and Medusa's words are in the history", async () => {
      const container = getContainer()
      const { o, row, orderId } = await importOrder(container)
      // Everything Kaspi captured is refunded already: the refund the cut asks for is refused by Medusa.
      const payment = (await read(container, orderId)).payment_collections[0].payments[0]
      await refundPaymentWorkflow(container).run({ input: { payment_id: payment.id, amount: Number(payment.amount) } })
      const before = await read(container, orderId)

      sandbox.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })
      await sync(container)

      const after = await read(container, orderId)
      expect(Number(after.total)).toBe(Number(before.total))
      expect(quantities(after)).toEqual({ "CASE-1": 3, "CABLE-1": 2 })
      expect(await edits(container, orderId)).toEqual([])
      expect(await reservations(container, after)).toEqual({ "CASE-1": 3, "CABLE-1": 2 })
      const failed = await history(row.id, "medusa.lines_follow_failed")
      expect(failed.map((e) => e.message)).toEqual([expect.stringContaining("not allowed to refund more than the captured amount")])
      expect(failed[0].data).toMatchObject({ code: "medusa.lines_follow_failed", params: { error: expect.stringContaining("captured amount") } })
      expect(await history(row.id, "medusa.lines_followed")).toEqual([])
    })

    it("a line cut seen by the poll's status-only read: the stored Kaspi lines follow, so the order card offers Kaspi's quantities", async () => {
      const container = getContainer()
      const { o, row, orderId } = await importOrder(container)
      sandbox.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })
      // As the poll reads open orders: one state, without entries (lib/sync/plan-poll.ts).
      const now = sandbox.now()
      const stats = await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, reads: [{ state: "PICKUP", entries: false }] })
      expect(stats).toMatchObject({ line_changes: 1 })
      expect(quantities(await read(container, orderId))).toEqual({ "CASE-1": 1, "CABLE-1": 2 })
      const card = (await api.get(`/admin/kaspi/orders/${row.id}`, admin)).data
      expect(card.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
        ["CASE-1", 1],
        ["CABLE-1", 2],
      ])
    })

    it("the merchant's own cancel_entry, then a sync: the line is reduced once", async () => {
      const container = getContainer()
      const { o, row, orderId } = await importOrder(container)
      const entryId = sandbox.getOrder(o.code)?.entries[0].id as string
      const res = await api.post(
        `/admin/kaspi/orders/${row.id}/actions`,
        { action: "cancel_entry", entry_id: entryId, remained_quantity: 1, reason: "MERCHANT_OUT_OF_STOCK" },
        { headers: admin.headers, validateStatus: () => true }
      )
      expect(res.data.action.status).toBe("sent")
      expect(quantities(await read(container, orderId))).toEqual({ "CASE-1": 1, "CABLE-1": 2 })

      await sync(container)
      const after = await read(container, orderId)
      expect(quantities(after)).toEqual({ "CASE-1": 1, "CABLE-1": 2 })
      expect(Number(after.total)).toBe(3500 + 3000)
      expect(refunds(after)).toEqual([7000])
      expect(await edits(container, orderId)).toHaveLength(1)
      expect(await history(row.id, "medusa.lines_followed")).toEqual([])
      expect(await history(row.id, "medusa.lines_follow_failed")).toEqual([])
    })

    it("a total changed on Kaspi with the same quantities (a price change) is written into the history for a person, prices untouched", async () => {
      const container = getContainer()
      const { o, row, orderId } = await importOrder(container)
      sandbox.corruptOrder(o.code, { totalPrice: 12000 })
      expect(await sync(container)).toMatchObject({ line_changes: 1 })
      const after = await read(container, orderId)
      expect(Number(after.total)).toBe(13500)
      expect(await edits(container, orderId)).toEqual([])
      const noted = await history(row.id, "medusa.lines_price_differs")
      expect(noted.map((e) => e.data)).toEqual([expect.objectContaining({ params: { kaspi_total: 12000, medusa_total: 13500 } })])
      // said once: the recorded total is Kaspi's now
      await sync(container)
      expect(await history(row.id, "medusa.lines_price_differs")).toHaveLength(1)
    })

    it("a line cut and then the whole order cancelled on Kaspi, seen in one sync: the Medusa order is cancelled, not edited", async () => {
      const container = getContainer()
      const { o, orderId } = await importOrder(container)
      sandbox.trigger(o.code, "cabinet_cancel_entry", { entryIndex: 0, remainedQuantity: 1 })
      sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
      expect(await sync(container)).toMatchObject({ status_changes: 1, line_changes: 0 })
      const after = await read(container, orderId)
      expect(after.status).toBe("canceled")
      expect(await edits(container, orderId)).toEqual([])
    })
  },
})
