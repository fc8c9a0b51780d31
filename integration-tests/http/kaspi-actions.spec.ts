import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow, createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { seedCatalog } from "../helpers/catalog"
import { adminHeaders } from "../helpers/admin-auth"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../src/workflows/setup/ensure-kaspi-account-setup"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/workflows/sync-kaspi-orders/sync-kaspi-orders"
import { drainKaspiOutbox } from "../../src/workflows/kaspi-actions/drain-kaspi-outbox"
import { acceptMissedAutoAccepts } from "../../src/workflows/kaspi-actions/accept-missed-auto-accepts"

jest.setTimeout(180_000)

const TOKEN = "actions-test-token"
const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
let sandbox: KaspiSandbox

beforeAll(async () => {
  sandbox = await startSandboxForApp(TOKEN, { waybillDelayMs: 50 })
})

afterAll(async () => {
  await sandbox?.close()
})

/** Kaspi calls the sandbox took (not refused, not faulted) for one order and action. */
const received = (code: string, action?: string) =>
  sandbox.actions().filter((a) => a.code === code && a.result === "ok" && (!action || a.action === action))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }
    let locationId: string

    async function importOrder(container: MedusaContainer, input: Parameters<KaspiSandbox["addOrder"]>[0]) {
      const o = sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 2, basePrice: 3500 }], storeId: "PP1", ...input })
      const now = sandbox.now()
      await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      return { o, row }
    }

    const act = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      api.post(`/admin/kaspi/orders/${id}/actions`, body, {
        headers: { ...admin.headers, ...headers },
        validateStatus: () => true,
      })

    beforeEach(async () => {
      sandbox.reset()
      sandbox.setFaults({ rate: 0, kinds: [] })
      const container = getContainer()
      kaspi = container.resolve(KASPI_MODULE)
      const setup = await ensureKaspiAccountSetup(container, ACCOUNT)
      locationId = setup.stock_location_id
      await kaspi.createKaspiStoreMappings({ account_id: ACCOUNT, store_id: "PP1", stock_location_id: locationId })
      await seedCatalog(container, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: { [locationId]: 100 } }])
      admin = await adminHeaders(api, container)
    })

    it("accepts an order on Kaspi once, even when the request is retried with the same Idempotency-Key", async () => {
      const { o, row } = await importOrder(getContainer(), { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      const first = await act(row.order_id as string, { action: "accept" }, { "idempotency-key": "click-1" })
      expect(first.status).toBe(200)
      expect(first.data.action).toMatchObject({ action: "accept", status: "sent", attempts: 1, origin: "admin" })
      const again = await act(row.id, { action: "accept" }, { "idempotency-key": "click-1" })
      expect(again.data.action.id).toBe(first.data.action.id)
      expect(received(o.code, "ACCEPTED_BY_MERCHANT")).toHaveLength(1)
      expect(sandbox.getOrder(o.code)?.status).toBe("ACCEPTED_BY_MERCHANT")
      const [after] = await kaspi.listKaspiOrders({ id: row.id })
      expect(after.status).toBe("ACCEPTED_BY_MERCHANT")
      const list = await api.get(`/admin/kaspi/orders/${row.id}/actions`, admin)
      expect(list.data.actions).toHaveLength(1)
    })

    it("refuses, before sending anything, what Kaspi would refuse", async () => {
      const { o, row } = await importOrder(getContainer(), {
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_REGIONAL_TODOOR",
        isKaspiDelivery: true,
      })
      const before = sandbox.actions().length
      const refusals = [
        [{ action: "send_code" }, /Kaspi completes Kaspi Delivery/],
        [{ action: "arrived" }, /only for pre-orders/],
        [{ action: "cancel", reason: "BUYER_NOT_REACHABLE" }, /not for Kaspi Delivery/],
        [{ action: "arrived_backward" }, /being cancelled or returned/],
      ] as const
      for (const [body, message] of refusals) {
        const res = await act(row.id, body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        expect(res.data.message).toMatch(/Nothing was sent to Kaspi/)
      }
      const bad = await act(row.id, { action: "cancel", reason: "NOT_A_REASON" })
      expect(bad.status).toBe(400)
      // after ASSEMBLE Kaspi does not allow cancelling
      expect((await act(row.id, { action: "assemble", number_of_space: 2 })).data.action.status).toBe("sent")
      const late = await act(row.id, { action: "cancel", reason: "MERCHANT_OUT_OF_STOCK" })
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/after ASSEMBLE/)
      expect(sandbox.actions().slice(before).map((a) => a.action)).toEqual(["ASSEMBLE"])
      expect(sandbox.getOrder(o.code)?.status).toBe("ACCEPTED_BY_MERCHANT")
    })

    it("cancels with the reason chosen in the admin: Medusa order cancelled, Kaspi told once", async () => {
      const container = getContainer()
      const { o, row } = await importOrder(container, { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const subscribers = TestEventUtils.waitSubscribersExecution("order.canceled", eventBus)
      const res = await act(row.id, { action: "cancel", reason: "BUYER_CANCELLATION_BY_MERCHANT", comment: "Покупатель передумал" })
      await subscribers
      expect(res.data.action).toMatchObject({ status: "sent", payload: { reason: "BUYER_CANCELLATION_BY_MERCHANT" } })
      expect(sandbox.getOrder(o.code)).toMatchObject({ status: "CANCELLED", cancellationReason: "BUYER_CANCELLATION_BY_MERCHANT" })
      expect(received(o.code, "CANCELLED")).toHaveLength(1)
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["status"], filters: { id: row.order_id } })
      expect(data[0].status).toBe("canceled")
    })

    it("a Kaspi order cancelled the usual Medusa way is cancelled on Kaspi with the default reason", async () => {
      const container = getContainer()
      const { o, row } = await importOrder(container, { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      const subscribers = TestEventUtils.waitSubscribersExecution("order.canceled", container.resolve(Modules.EVENT_BUS))
      await cancelOrderWorkflow(container).run({ input: { order_id: row.order_id as string } })
      await subscribers
      expect(sandbox.getOrder(o.code)).toMatchObject({ status: "CANCELLED", cancellationReason: "MERCHANT_OUT_OF_STOCK" })
      expect(received(o.code, "CANCELLED")).toHaveLength(1)
    })

    it("loop guard: a cancellation that came from Kaspi is not sent back", async () => {
      const container = getContainer()
      const { o } = await importOrder(container, { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
      sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
      const subscribers = TestEventUtils.waitSubscribersExecution("order.canceled", container.resolve(Modules.EVENT_BUS))
      const now = sandbox.now()
      await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
      await subscribers
      expect(sandbox.actions().filter((a) => a.code === o.code)).toEqual([])
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(await kaspi.listKaspiActions({ kaspi_order_id: row.id })).toEqual([])
      const events = await kaspi.listKaspiEvents({ kaspi_order_id: row.id, type: "action.cancel" })
      expect(events.map((e) => e.message)).toEqual(["Not sent to Kaspi: the cancellation came from Kaspi"])
    })

    it("completes a pickup order with the buyer's code: wrong code → Kaspi's words; right code → Medusa delivered and completed", async () => {
      const container = getContainer()
      const { o, row } = await importOrder(container, { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", signatureRequired: false })
      const sent = await act(row.id, { action: "send_code" })
      expect(sent.data.action.status).toBe("sent")
      const code = sandbox.getOrder(o.code)?.securityCode as string
      const wrong = await act(row.id, { action: "complete", security_code: code === "0000" ? "1111" : "0000" })
      expect(wrong.status).toBe(422)
      expect(wrong.data.action).toMatchObject({ status: "failed" })
      expect(wrong.data.action.last_error).toMatch(/Security code is not valid/)
      const right = await act(row.id, { action: "complete", security_code: code })
      expect(right.data.action.status).toBe("sent")
      expect(sandbox.getOrder(o.code)?.status).toBe("COMPLETED")
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["status", "fulfillments.delivered_at"],
        filters: { id: row.order_id },
      })
      expect(data[0].status).toBe("completed")
      expect(data[0].fulfillments[0].delivered_at).toBeTruthy()
    })

    it("a fulfilment of a Kaspi Delivery order sends ASSEMBLE with its packages, and the waybill PDF becomes its label", async () => {
      const container = getContainer()
      const { o, row } = await importOrder(container, { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
      const { data: items } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["items.*"], filters: { id: row.order_id } })
      const subscribers = TestEventUtils.waitSubscribersExecution("order.fulfillment_created", container.resolve(Modules.EVENT_BUS))
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
        input: {
          order_id: row.order_id as string,
          items: items[0].items.map((i: any) => ({ id: i.id, quantity: i.quantity })),
          location_id: locationId,
          metadata: { kaspi_number_of_space: 2 },
        },
      })
      await subscribers
      expect(received(o.code, "ASSEMBLE")).toHaveLength(1)
      expect(sandbox.getOrder(o.code)).toMatchObject({ assembled: true, numberOfSpace: 2 })
      await new Promise((r) => setTimeout(r, 100)) // Kaspi publishes the waybill a moment later
      const drained = await drainKaspiOutbox(container)
      expect(drained.waybills).toBe(1)
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "fulfillment",
        fields: ["id", "labels.*"],
        filters: { id: fulfillment.id },
      })
      expect(data[0].labels).toHaveLength(1)
      expect(data[0].labels[0].tracking_url).toMatch(/\/shop\/api\/waybill\//)
      expect(data[0].labels[0].label_url).toMatch(/\.pdf$/)
      const [after] = await kaspi.listKaspiOrders({ id: row.id })
      expect(after).toMatchObject({ assembled: true })
      expect(after.waybill_url).toMatch(/waybill/)
    })

    it("marks a pre-order as arrived", async () => {
      const { o, row } = await importOrder(getContainer(), { status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", preOrder: true })
      expect((await act(row.id, { action: "arrived" })).data.action.status).toBe("sent")
      expect(received(o.code, "ARRIVED")).toHaveLength(1)
    })

    it("cancels one line on Kaspi (per-entry cancel)", async () => {
      const { o, row } = await importOrder(getContainer(), {
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_PICKUP",
        entries: [
          { sku: "CASE-1", quantity: 3, basePrice: 3500 },
          { sku: "CASE-1", quantity: 1, basePrice: 3500 },
        ],
      })
      const entryId = sandbox.getOrder(o.code)?.entries[0].id as string
      const res = await act(row.id, { action: "cancel_entry", entry_id: entryId, remained_quantity: 1, reason: "MERCHANT_OUT_OF_STOCK" })
      expect(res.data.action.status).toBe("sent")
      expect(sandbox.getOrder(o.code)?.totalPrice).toBe(3500 * 2)
      // the Medusa order follows: the line is reduced, Kaspi's refund is recorded
      const { data } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["total", "items.*", "payment_collections.payments.refunds.amount"],
        filters: { id: row.order_id },
      })
      expect(Number(data[0].total)).toBe(3500 * 2)
      expect(data[0].items.map((i: any) => Number(i.quantity)).sort()).toEqual([1, 1])
      const refunds = data[0].payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.refunds ?? []))
      expect(refunds.map((r: any) => Number(r.amount))).toEqual([7000])
    })

    it("auto-accepts a cleanly imported order when the store owner turns it on in the admin", async () => {
      const container = getContainer()
      expect(kaspi.getResolvedOptions().orders.autoAccept).toBe(false) // medusa-config says off
      const on = await api.post(`/admin/kaspi/accounts/${ACCOUNT}/order-options`, { auto_accept: true }, admin)
      expect(on.data.order_options).toMatchObject({ auto_accept: true, config: { auto_accept: false }, overrides: { auto_accept: true } })
      const subscribers = TestEventUtils.waitSubscribersExecution("kaspi.order.imported", container.resolve(Modules.EVENT_BUS))
      const { o } = await importOrder(container, { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      await subscribers
      expect(received(o.code, "ACCEPTED_BY_MERCHANT")).toHaveLength(1)

      // Back to medusa-config's value: the next clean import waits for a person.
      await api.post(`/admin/kaspi/accounts/${ACCOUNT}/order-options`, { auto_accept: null }, admin)
      const next = TestEventUtils.waitSubscribersExecution("kaspi.order.imported", container.resolve(Modules.EVENT_BUS))
      const second = await importOrder(container, { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      await next
      expect(received(second.o.code, "ACCEPTED_BY_MERCHANT")).toHaveLength(0)
    })

    it("accepts an auto-accept order whose import event was lost, once, a minute after its import", async () => {
      const container = getContainer()
      // Auto-accept off while the import's event is handled stands in for a process killed before the event
      // reached the subscriber (wait for it: turning the option on earlier would let the subscriber accept).
      const handled = TestEventUtils.waitSubscribersExecution("kaspi.order.imported", container.resolve(Modules.EVENT_BUS))
      const { o, row } = await importOrder(container, { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      await handled
      expect(await kaspi.listKaspiActions({ kaspi_order_id: row.id })).toHaveLength(0)
      const options = kaspi.getResolvedOptions().orders
      options.autoAccept = true
      try {
        expect(await acceptMissedAutoAccepts(container, ACCOUNT)).toBe(0) // imported just now: the subscriber may still come
        await kaspi.updateKaspiOrders({ id: row.id, last_attempt_at: new Date(Date.now() - 5 * 60_000) })
        expect(await acceptMissedAutoAccepts(container, ACCOUNT)).toBe(1)
        expect(await acceptMissedAutoAccepts(container, ACCOUNT)).toBe(0)
        expect(received(o.code, "ACCEPTED_BY_MERCHANT")).toHaveLength(1)
        expect(await kaspi.listKaspiActions({ kaspi_order_id: row.id })).toEqual([expect.objectContaining({ action: "accept", origin: "auto-accept", status: "sent" })])
      } finally {
        options.autoAccept = false
      }
      expect(await acceptMissedAutoAccepts(container, ACCOUNT)).toBe(0)
    })

    it("with Kaspi down, actions wait in the outbox and are delivered exactly once when it is back", async () => {
      const container = getContainer()
      const orders = []
      for (let i = 0; i < 4; i++) orders.push(await importOrder(container, { status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" }))
      sandbox.setFaults({ rate: 1, kinds: ["5xx", "429", "html404", "malformed"] })
      for (const { row } of orders) {
        const res = await act(row.id, { action: "accept" })
        expect(res.status).toBe(200)
        expect(res.data.action).toMatchObject({ status: "pending" })
        expect(res.data.action.last_error).toBeTruthy()
      }
      // still down: the retry job tries (when due) and keeps them pending
      await kaspi.listKaspiActions({}).then((rows) => Promise.all(rows.map((r) => kaspi.updateKaspiActions({ id: r.id, next_attempt_at: new Date(0) }))))
      const whileDown = await drainKaspiOutbox(container)
      expect(whileDown.sent).toBe(0)
      expect(whileDown.retry).toBe(4)

      sandbox.setFaults({ rate: 0, kinds: [] })
      await kaspi.listKaspiActions({}).then((rows) => Promise.all(rows.map((r) => kaspi.updateKaspiActions({ id: r.id, next_attempt_at: new Date(0) }))))
      const back = await drainKaspiOutbox(container)
      expect(back.sent).toBe(4)
      expect(await drainKaspiOutbox(container)).toMatchObject({ sent: 0, retry: 0 })
      for (const { o } of orders) {
        expect(received(o.code, "ACCEPTED_BY_MERCHANT")).toHaveLength(1)
        expect(sandbox.getOrder(o.code)?.status).toBe("ACCEPTED_BY_MERCHANT")
      }
      const rows = await kaspi.listKaspiActions({})
      expect(rows.every((r) => r.status === "sent" && r.attempts >= 3)).toBe(true)
    })
  },
})
