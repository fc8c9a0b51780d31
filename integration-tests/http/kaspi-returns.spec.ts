import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  beginReceiveReturnWorkflow,
  confirmReturnReceiveWorkflow,
  createInventoryLevelsWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  createStockLocationsWorkflow,
  deleteInventoryLevelsWorkflow,
  receiveItemReturnRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { syncKaspiStatusWorkflow } from "../../src/workflows/sync-kaspi-status"
import { prepareKaspiShop } from "../helpers/kaspi-shop"

jest.setTimeout(180_000)

const TOKEN = "returns-test-token"
const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 50 })

type ReturnRead = { id: string; status: string; location_id: string; metadata: Record<string, unknown> | null; items: Array<{ quantity: number; received_quantity: number }> }
type LevelRead = { location_id: string; stocked_quantity: number; reserved_quantity: number }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }
    /** the account's default location (Kaspi store PP1) */
    let defaultLocationId: string
    /** Kaspi store PP2's own location: where its orders reserve, ship from and come back to */
    let pp2LocationId: string
    let inventoryItemId: string

    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    const sync = async (container: MedusaContainer) => {
      const now = sandbox.now()
      await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
    }

    /** A Kaspi Delivery order from store PP2 (2 × 3500 ₸), imported, assembled, picked up and completed by Kaspi. */
    async function deliveredOrder(container: MedusaContainer) {
      const o = sandbox.addOrder({
        entries: [{ sku: "CASE-1", quantity: 2, basePrice: 3500 }],
        storeId: "PP2",
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_REGIONAL_TODOOR",
        isKaspiDelivery: true,
      })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 40, reserved: 2 } })
      const assembled = await api.post(`/admin/kaspi/orders/${row.id}/actions`, { action: "assemble", number_of_space: 1 }, admin)
      expect(assembled.data.action.status).toBe("sent")
      sandbox.trigger(o.code, "courier_pickup")
      sandbox.trigger(o.code, "kaspi_complete")
      await sync(container)
      expect((await order(row.order_id as string)).status).toBe("completed")
      // shipped from PP2's location, where the import reserved
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 38, reserved: 0 } })
      return { o, row, orderId: row.order_id as string }
    }

    async function order(id: string) {
      const { data } = await query().graph({
        entity: "order",
        fields: ["id", "status", "metadata", "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount"],
        filters: { id },
      })
      return data[0] as {
        status: string
        metadata: Record<string, unknown>
        payment_collections: Array<{ payments: Array<{ captures: Array<{ amount: number }>; refunds: Array<{ amount: number }> }> }>
      }
    }

    const refunds = async (orderId: string) =>
      (await order(orderId)).payment_collections.flatMap((pc) => pc.payments.flatMap((p) => (p.refunds ?? []).map((r) => Number(r.amount))))

    async function returns(orderId: string): Promise<ReturnRead[]> {
      const { data } = await query().graph({
        entity: "return",
        fields: ["id", "status", "location_id", "metadata", "items.quantity", "items.received_quantity"],
        filters: { order_id: orderId },
      })
      return data as ReturnRead[]
    }

    async function levels() {
      const { data } = await query().graph({
        entity: "inventory_level",
        fields: ["location_id", "stocked_quantity", "reserved_quantity"],
        filters: { inventory_item_id: inventoryItemId },
      })
      const at = (id: string) => {
        const l = (data as LevelRead[]).find((x) => x.location_id === id)
        return l ? { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity) } : null
      }
      return { default: at(defaultLocationId), pp2: at(pp2LocationId) }
    }

    const events = async (kaspiOrderId: string) => (await kaspi.listKaspiEvents({ kaspi_order_id: kaspiOrderId })).map((e) => e.type)

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi, locationId: defaultLocationId } = await prepareKaspiShop(container, sandbox, ACCOUNT, [
        { sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 },
      ]))
      admin = await adminHeaders(api, container)
      const { result: locations } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Kaspi PP2 склад" }] } })
      pp2LocationId = locations[0].id
      await kaspi.createKaspiStoreMappings({ account_id: ACCOUNT, store_id: "PP2", stock_location_id: pp2LocationId })
      const { data: variants } = await query().graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { sku: "CASE-1" },
      })
      inventoryItemId = (variants[0] as { inventory_items: Array<{ inventory_item_id: string }> }).inventory_items[0].inventory_item_id
      await createInventoryLevelsWorkflow(container).run({
        input: { inventory_levels: [{ inventory_item_id: inventoryItemId, location_id: pp2LocationId, stocked_quantity: 40 }] },
      })
    })

    it("a Kaspi return becomes a Medusa return at the store's location; RETURNED puts the stock back and records the refund; syncing again changes nothing", async () => {
      const container = getContainer()
      const { o, row, orderId } = await deliveredOrder(container)

      // The buyer asks for a return on Kaspi: a Medusa return for everything shipped, to come back to PP2's location
      sandbox.trigger(o.code, "return_requested")
      await sync(container)
      const [opened, ...more] = await returns(orderId)
      expect(more).toEqual([])
      expect(opened).toMatchObject({ status: "requested", location_id: pp2LocationId, metadata: { kaspi_order_id: row.id, kaspi_code: o.code } })
      expect(opened.items.map((i) => Number(i.quantity))).toEqual([2])
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 38, reserved: 0 } }) // nothing back yet
      expect(await refunds(orderId)).toEqual([])

      // The merchant accepts the return on Kaspi: the same return, nothing new
      sandbox.trigger(o.code, "return_accepted")
      await sync(container)
      expect((await returns(orderId)).map((r) => [r.id, r.status])).toEqual([[opened.id, "requested"]])

      // The goods are back and Kaspi refunded the buyer
      sandbox.trigger(o.code, "returned")
      const received = TestEventUtils.waitSubscribersExecution("order.return_received", container.resolve(Modules.EVENT_BUS))
      await sync(container)
      await received
      const [done] = await returns(orderId)
      expect(done).toMatchObject({ id: opened.id, status: "received" })
      expect(done.items.map((i) => Number(i.received_quantity))).toEqual([2])
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 40, reserved: 0 } })
      expect(await refunds(orderId)).toEqual([7000])
      // Kaspi said it: nothing goes back to Kaspi (ARRIVED_BACKWARD would be the merchant's receipt)
      expect(sandbox.actions().filter((a) => a.code === o.code && a.action === "ARRIVED_BACKWARD")).toEqual([])
      expect((await kaspi.listKaspiActions({ kaspi_order_id: row.id })).map((a) => a.action)).toEqual(["assemble"])
      expect((await order(orderId)).metadata).toMatchObject({ kaspi_status: "RETURNED", kaspi_last_change_origin: "kaspi" })
      const history = await events(row.id)
      expect(history.filter((t) => t === "medusa.return_opened")).toHaveLength(1)
      expect(history.filter((t) => t === "medusa.return_received")).toHaveLength(1)
      expect(history.filter((t) => t === "medusa.refund_recorded")).toHaveLength(1)
      expect(history).not.toContain("medusa.follow_up_failed")
      const opening = (await kaspi.listKaspiEvents({ kaspi_order_id: row.id, type: "medusa.return_opened" }))[0]
      expect(opening.data).toMatchObject({ code: "medusa.return_opened", params: { quantity: 2, location: "Kaspi PP2 склад", status: "KASPI_DELIVERY_RETURN_REQUESTED" } })

      // Syncing again, and the same status change replayed: one return, one refund, the stock as it is
      await sync(container)
      await syncKaspiStatusWorkflow(container).run({
        input: {
          account_id: ACCOUNT,
          kaspi_order_id: row.id,
          kaspi_code: o.code,
          order_id: orderId,
          previous_status: "RETURN_ACCEPTED_BY_MERCHANT",
          status: "RETURNED",
          state: "ARCHIVE",
          cancellation_reason: null,
        },
      })
      expect((await returns(orderId)).map((r) => [r.id, r.status])).toEqual([[opened.id, "received"]])
      expect(await refunds(orderId)).toEqual([7000])
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 40, reserved: 0 } })
    })

    it("a return the merchant received in Medusa tells Kaspi (ARRIVED_BACKWARD); Kaspi's RETURNED then only records the refund", async () => {
      const container = getContainer()
      const { o, row, orderId } = await deliveredOrder(container)
      sandbox.trigger(o.code, "return_requested")
      await sync(container)
      const [opened] = await returns(orderId)

      // The merchant receives the goods in Medusa, as the admin does
      const told = TestEventUtils.waitSubscribersExecution("order.return_received", container.resolve(Modules.EVENT_BUS))
      await beginReceiveReturnWorkflow(container).run({ input: { return_id: opened.id } })
      await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: opened.id, items: [{ id: (await itemId(orderId)), quantity: 2 }] } })
      await confirmReturnReceiveWorkflow(container).run({ input: { return_id: opened.id } })
      await told
      expect(sandbox.actions().filter((a) => a.code === o.code && a.action === "ARRIVED_BACKWARD" && a.result === "ok")).toHaveLength(1)
      expect(sandbox.getOrder(o.code)?.status).toBe("RETURNED")
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 40, reserved: 0 } })

      await sync(container)
      expect((await returns(orderId)).map((r) => [r.id, r.status])).toEqual([[opened.id, "received"]])
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 40, reserved: 0 } }) // not received twice
      expect(await refunds(orderId)).toEqual([7000])
      expect(await events(row.id)).not.toContain("medusa.return_received")
    })

    it("a return Medusa cannot receive leaves nothing half-made; run again once fixed, it is done once", async () => {
      const container = getContainer()
      const { o, row, orderId } = await deliveredOrder(container)
      // The merchant took CASE-1 off PP2's location while the goods were with the buyer.
      await deleteInventoryLevelsWorkflow(container).run({ input: { inventory_item_id: inventoryItemId, location_id: pp2LocationId, force: true } })
      // The poll sees the return only once it is over: open, receive and refund in one go
      sandbox.trigger(o.code, "return_requested")
      sandbox.trigger(o.code, "returned")
      await sync(container)

      const failed = await kaspi.listKaspiEvents({ kaspi_order_id: row.id, type: "medusa.follow_up_failed" })
      expect(failed.map((e) => e.message)).toEqual([expect.stringContaining(`Cannot receive the Return at location ${pp2LocationId}`)])
      expect(failed[0].data).toMatchObject({ code: "medusa.follow_up_failed", params: { action: "return" } })
      // The return opened in this run was removed again, with its order changes; nothing was refunded
      expect(await returns(orderId)).toEqual([])
      const { data: changes } = await query().graph({ entity: "order_change", fields: ["id", "change_type"], filters: { order_id: orderId } })
      expect((changes as Array<{ change_type: string }>).filter((c) => c.change_type?.startsWith("return"))).toEqual([])
      expect(await refunds(orderId)).toEqual([])
      expect((await order(orderId)).status).toBe("completed")

      // Put back at the location (stock 0 there now), the same change goes through in full
      await createInventoryLevelsWorkflow(container).run({
        input: { inventory_levels: [{ inventory_item_id: inventoryItemId, location_id: pp2LocationId, stocked_quantity: 0 }] },
      })
      const { result } = await syncKaspiStatusWorkflow(container).run({
        input: {
          account_id: ACCOUNT,
          kaspi_order_id: row.id,
          kaspi_code: o.code,
          order_id: orderId,
          previous_status: "COMPLETED",
          status: "RETURNED",
          state: "ARCHIVE",
          cancellation_reason: null,
        },
      })
      expect(result.action).toBe("return")
      const [back] = await returns(orderId)
      expect(back).toMatchObject({ status: "received", location_id: pp2LocationId })
      expect((await levels()).pp2).toEqual({ stocked: 2, reserved: 0 })
      expect(await refunds(orderId)).toEqual([7000])
    })

    it("a return seen before Kaspi's completion was synced: the Medusa order is completed first, then the return opened", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({
        entries: [{ sku: "CASE-1", quantity: 2, basePrice: 3500 }],
        storeId: "PP2",
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_REGIONAL_TODOOR",
        isKaspiDelivery: true,
      })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const orderId = row.order_id as string
      expect((await api.post(`/admin/kaspi/orders/${row.id}/actions`, { action: "assemble", number_of_space: 1 }, admin)).data.action.status).toBe("sent")
      sandbox.trigger(o.code, "courier_pickup")
      sandbox.trigger(o.code, "kaspi_complete")
      sandbox.trigger(o.code, "return_requested")
      await sync(container) // ACCEPTED_BY_MERCHANT → KASPI_DELIVERY_RETURN_REQUESTED in one step

      expect((await order(orderId)).status).toBe("completed")
      const [opened, ...more] = await returns(orderId)
      expect(more).toEqual([])
      expect(opened).toMatchObject({ status: "requested", location_id: pp2LocationId })
      expect(opened.items.map((i) => Number(i.quantity))).toEqual([2])
      expect(await levels()).toEqual({ default: { stocked: 100, reserved: 0 }, pp2: { stocked: 38, reserved: 0 } })
      expect((await events(row.id)).filter((t) => t.startsWith("medusa."))).toEqual(["medusa.order_completed", "medusa.return_opened"])
    })

    it("Kaspi cancels a shipped order: a return waits for the goods (CANCELLING), the refund is recorded once it is CANCELLED", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({
        entries: [{ sku: "CASE-1", quantity: 2, basePrice: 3500 }],
        storeId: "PP2",
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_REGIONAL_TODOOR",
        isKaspiDelivery: true,
      })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const orderId = row.order_id as string
      // The merchant packs it in Medusa (Kaspi hears ASSEMBLE), the courier takes it, Medusa marks it shipped
      const items = [{ id: await itemId(orderId), quantity: 2 }]
      const assembled = TestEventUtils.waitSubscribersExecution("order.fulfillment_created", container.resolve(Modules.EVENT_BUS))
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: { order_id: orderId, items, location_id: pp2LocationId, metadata: { kaspi_number_of_space: 1 } },
      })
      await assembled
      expect(sandbox.getOrder(o.code)?.assembled).toBe(true)
      sandbox.trigger(o.code, "courier_pickup")
      await createOrderShipmentWorkflow(container).run({ input: { order_id: orderId, fulfillment_id: fulfillment.id, items } })

      sandbox.trigger(o.code, "courier_cancel")
      await sync(container)
      const [opened, ...more] = await returns(orderId)
      expect(more).toEqual([])
      expect(opened).toMatchObject({ status: "requested", location_id: pp2LocationId, metadata: { kaspi_order_id: row.id } })
      expect(await refunds(orderId)).toEqual([])
      expect((await order(orderId)).status).not.toBe("canceled")

      sandbox.advanceClock(60_000) // Kaspi finishes the cancellation: CANCELLED
      expect(sandbox.getOrder(o.code)?.status).toBe("CANCELLED")
      await sync(container)
      expect((await returns(orderId)).map((r) => [r.id, r.status])).toEqual([[opened.id, "requested"]]) // a person receives the goods
      expect(await refunds(orderId)).toEqual([7000])
      await sync(container)
      expect(await refunds(orderId)).toEqual([7000])
    })

    async function itemId(orderId: string) {
      const { data } = await query().graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
      return (data[0] as { items: Array<{ id: string }> }).items[0].id
    }
  },
})
