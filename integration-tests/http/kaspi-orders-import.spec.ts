import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import { adminHeaders } from "../helpers/admin-auth"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { importKaspiOrderSafely } from "../../src/lib/sync/import-kaspi-order-safely"
import { pollKaspiAccount } from "../../src/lib/sync/poll-kaspi-account"
import { importKaspiOrderWorkflow } from "../../src/workflows/import-kaspi-order"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import pollKaspiOrdersJob from "../../src/jobs/poll-kaspi-orders"
import { runBackfillToEnd } from "../helpers/backfill"
import { prepareKaspiShop } from "../helpers/kaspi-shop"

jest.setTimeout(180_000)

const TOKEN = "orders-import-test-token"
const DAY = 24 * 3600 * 1000
const sandbox = sandboxForSuite(TOKEN, { waybillDelayMs: 100 })

const ACCOUNT = "default"

async function orderGraph(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "total",
      "currency_code",
      "email",
      "status",
      "metadata",
      "customer.id",
      "customer.phone",
      "customer.first_name",
      "sales_channel_id",
      "region_id",
      "items.*",
      "shipping_methods.*",
      "shipping_address.*",
      "payment_collections.status",
      "payment_collections.captured_amount",
      "kaspi_order.id",
      "kaspi_order.code",
    ],
    filters: { id: orderId },
  })
  return data[0] as any
}

async function sync(container: MedusaContainer) {
  const now = sandbox.now()
  return syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let locationId: string

    beforeEach(async () => {
      const container = getContainer()
      ;({ kaspi, locationId } = await prepareKaspiShop(container, sandbox, ACCOUNT, [
        { sku: "PHONE-1", title: "Смартфон", price: 150000, stock: 10 },
        { sku: "CASE-1", title: "Чехол", price: 3500, stock: 50 },
        { sku: "APPLES-KG", title: "Яблоки", price: 1560, stock: 100 },
      ]))
    })

    it("imports a multi-entry pickup order as a native order with Kaspi's totals, stock reserved and payment captured", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({
        status: "APPROVED_BY_BANK",
        deliveryMode: "DELIVERY_PICKUP",
        storeId: "PP1",
        deliveryCost: 0,
        entries: [
          { sku: "PHONE-1", quantity: 1, basePrice: 149990 },
          { sku: "CASE-1", quantity: 3, basePrice: 3490 },
        ],
        customer: { firstName: "Айгерим", lastName: "Сулейменова", cellPhone: "7071234567" },
      })
      const stats = await sync(container)
      expect(stats).toMatchObject({ seen: 1, imported: 1, failed: 0, needs_attention: 0 })

      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row).toMatchObject({ import_status: "imported", status: "APPROVED_BY_BANK", customer_phone: "7071234567" })
      const order = await orderGraph(container, row.order_id as string)
      expect(Number(order.total)).toBe(o.totalPrice)
      expect(Number(order.total)).toBe(149990 + 3 * 3490)
      expect(order.currency_code).toBe("kzt")
      expect(order.email).toBe("77071234567@buyer.kaspi.invalid")
      expect(order.customer).toMatchObject({ phone: "+77071234567", first_name: "Айгерим" })
      expect(order.items.map((i: any) => [i.variant_sku, Number(i.quantity), Number(i.unit_price)]).sort()).toEqual([
        ["CASE-1", 3, 3490],
        ["PHONE-1", 1, 149990],
      ])
      expect(order.metadata).toMatchObject({ kaspi_code: o.code, kaspi_id: o.id, kaspi_delivery_mode: "DELIVERY_PICKUP", kaspi_store_id: "PP1" })
      expect(order.kaspi_order).toMatchObject({ id: row.id, code: o.code })
      expect(order.payment_collections[0]).toMatchObject({ status: "completed" })
      expect(Number(order.payment_collections[0].captured_amount)).toBe(o.totalPrice)

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: reservations } = await query.graph({
        entity: "reservation_item",
        fields: ["quantity", "location_id", "line_item_id"],
        filters: { line_item_id: order.items.map((i: any) => i.id) },
      })
      expect(reservations.map((r: any) => [Number(r.quantity), r.location_id]).sort()).toEqual([
        [1, locationId],
        [3, locationId],
      ])
      const events = await kaspi.listKaspiEvents({ kaspi_order_id: row.id })
      expect(events.map((e) => e.type)).toContain("import.imported")
    })

    it("own delivery: the delivery cost is a shipping method and part of the total; the address is Kaspi's", async () => {
      const o = sandbox.addOrder({
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_LOCAL",
        isKaspiDelivery: false,
        deliveryCost: 1500,
        entries: [{ sku: "CASE-1", quantity: 2, basePrice: 3500 }],
      })
      await sync(getContainer())
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const order = await orderGraph(getContainer(), row.order_id as string)
      expect(Number(order.total)).toBe(8500)
      expect(Number(order.total)).toBe(o.totalPrice)
      expect(order.shipping_methods.map((m: any) => Number(m.amount))).toEqual([1500])
      expect(order.shipping_address).toMatchObject({ country_code: "kz" })
      expect(order.shipping_address.address_1).toBeTruthy()
    })

    it("weighted goods keep Kaspi's line total (price per kg × weight)", async () => {
      const o = sandbox.addOrder({
        status: "APPROVED_BY_BANK",
        deliveryMode: "DELIVERY_PICKUP",
        deliveryCost: 0,
        entries: [{ sku: "APPLES-KG", quantity: 3, basePrice: 1560, unitType: "MEASURABLE_PIECES", weight: 3800 }],
      })
      await sync(getContainer())
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.import_status).toBe("imported")
      const order = await orderGraph(getContainer(), row.order_id as string)
      expect(Math.round(Number(order.total))).toBe(Math.round(o.totalPrice))
      expect(Math.round(Number(order.total))).toBe(5928)
    })

    it("imports every delivery mode, pre-orders and credit orders that need the buyer's signature", async () => {
      const container = getContainer()
      const shapes = [
        { deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: false, label: "Pickup from the store" },
        { deliveryMode: "DELIVERY_LOCAL", isKaspiDelivery: false, label: "Own delivery" },
        { deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true, label: "Kaspi Delivery to the door" },
        { deliveryMode: "DELIVERY_PICKUP", isKaspiDelivery: true, label: "Kaspi Postomat" },
        { deliveryMode: "DELIVERY_REGIONAL_PICKUP", isKaspiDelivery: true, label: "Kaspi Delivery to a pickup point" },
      ] as const
      const made = shapes.map((shape, i) =>
        sandbox.addOrder({
          status: "APPROVED_BY_BANK",
          deliveryMode: shape.deliveryMode,
          isKaspiDelivery: shape.isKaspiDelivery,
          storeId: "PP1",
          preOrder: i === 1,
          signatureRequired: i === 2,
          paymentMode: i === 2 ? "PAY_WITH_CREDIT" : "PREPAID",
          entries: [{ sku: i % 2 ? "CASE-1" : "PHONE-1", quantity: 1 + (i % 2) }],
        })
      )
      const stats = await sync(container)
      expect(stats).toMatchObject({ imported: shapes.length, failed: 0, needs_attention: 0 })
      for (const [i, o] of made.entries()) {
        const [row] = await kaspi.listKaspiOrders({ code: o.code })
        const order = await orderGraph(container, row.order_id as string)
        expect(Number(order.total)).toBe(o.totalPrice)
        expect(order.shipping_methods[0].name).toBe(shapes[i].label)
        expect(order.metadata).toMatchObject({
          kaspi_delivery_mode: shapes[i].deliveryMode,
          kaspi_is_kaspi_delivery: shapes[i].isKaspiDelivery,
          kaspi_pre_order: i === 1,
          kaspi_signature_required: i === 2,
        })
        expect(row).toMatchObject({ pre_order: i === 1, signature_required: i === 2, is_kaspi_delivery: shapes[i].isKaspiDelivery })
      }
    })

    it("an unmapped SKU leaves the order needs_attention, with no Medusa order, until a mapping is added and it is retried", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "123456_1", quantity: 1, basePrice: 3500 }] })
      const stats = await sync(container)
      expect(stats.needs_attention).toBe(1)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row).toMatchObject({ import_status: "needs_attention", order_id: null })
      expect(row.import_reason).toContain('"123456_1"')
      expect(row.unmapped_skus).toEqual(["123456_1"])

      // the next poll does not retry it by itself
      expect((await sync(container)).imported).toBe(0)

      const { variantIdBySku } = { variantIdBySku: new Map((await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_variant", fields: ["id", "sku"], filters: { sku: "CASE-1" } })).data.map((v: any) => [v.sku, v.id])) }
      await kaspi.createKaspiSkuMappings({ account_id: ACCOUNT, kaspi_sku: "123456_1", variant_id: variantIdBySku.get("CASE-1") as string })
      const order = await (await kaspi.getClient(ACCOUNT)).getOrderByCode(o.code)
      const retried = await importKaspiOrderSafely(container, ACCOUNT, order!)
      expect(retried.outcome).toBe("imported")
      const [after] = await kaspi.listKaspiOrders({ code: o.code })
      expect(after).toMatchObject({ import_status: "imported", import_reason: null })
      expect(after.attempts).toBe(2)
    })

    // Issue #19: Medusa's refusal names an inventory item id; the reason names what the merchant knows.
    it("a stock shortage waits for a person with the SKU, product, location, Kaspi store and both quantities", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({
        status: "APPROVED_BY_BANK",
        deliveryMode: "DELIVERY_PICKUP",
        storeId: "PP1",
        deliveryCost: 0,
        entries: [{ sku: "PHONE-1", quantity: 12, basePrice: 149990 }],
      })
      expect((await sync(container)).needs_attention).toBe(1)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationId })
      expect(row).toMatchObject({ import_status: "needs_attention", order_id: null })
      // The API keeps an English sentence, now in the merchant's terms, with Medusa's words after it.
      expect(row.import_reason).toContain('Kaspi SKU "PHONE-1" (Смартфон)')
      expect(row.import_reason).toContain(`at ${location.name} (Kaspi store PP1): ordered 12, available 10`)
      expect(row.import_reason).toMatch(/Medusa said: .*(stock|inventory)/i)

      const params = { sku: "PHONE-1", product: "Смартфон", location: location.name, kaspi_store: "PP1", ordered: 12, available: 10 }
      const headers = await adminHeaders(api, container)
      const listed = await api.get(`/admin/kaspi/orders?import_status=needs_attention`, headers)
      const item = listed.data.kaspi_orders.find((k: any) => k.code === o.code)
      expect(item.import_reason).toBe(row.import_reason)
      expect(item.import_text).toEqual({ code: "import.needs_stock", params })
      const one = await api.get(`/admin/kaspi/orders/${row.id}`, headers)
      const event = one.data.events.find((e: any) => e.type === "import.needs_attention")
      expect(event).toMatchObject({ message: row.import_reason, data: { code: "import.needs_stock", params } })
    })

    it("an unmapped SKU's reason names Kaspi's product name, and an imported order's event carries its code", async () => {
      const container = getContainer()
      const missing = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "NOPE-9", name: "Пылесос Kaspi Demo", quantity: 1, basePrice: 3500 }] })
      const fine = sandbox.addOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", storeId: "PP1", deliveryCost: 0, entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }] })
      await sync(container)
      const headers = await adminHeaders(api, container)
      const listed = await api.get(`/admin/kaspi/orders`, headers)
      const item = listed.data.kaspi_orders.find((k: any) => k.code === missing.code)
      expect(item.import_reason).toMatch(/no Medusa variant for Kaspi SKU "NOPE-9"/)
      expect(item.import_text).toEqual({ code: "import.unmapped_sku", params: { skus: "NOPE-9", products: "Пылесос Kaspi Demo" } })
      const [done] = await kaspi.listKaspiOrders({ code: fine.code })
      const events = (await api.get(`/admin/kaspi/orders/${done.id}`, headers)).data.events
      expect(events.find((e: any) => e.type === "import.imported")).toMatchObject({
        message: `Imported as Medusa order ${done.order_id}`,
        data: { code: "import.imported", params: { order_id: done.order_id } },
      })
    })

    it("the same order imported twice, in sequence or by two concurrent syncs, is one Medusa order", async () => {
      const container = getContainer()
      for (let i = 0; i < 4; i++) {
        sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1", quantity: 1 + i }] })
      }
      const [a, b] = await Promise.all([sync(container), sync(container)])
      await sync(container)
      expect(a.imported + b.imported).toBe(4)
      expect(a.skipped + b.skipped + a.unchanged + b.unchanged).toBe(4)
      const rows = await kaspi.listKaspiOrders({ account_id: ACCOUNT })
      expect(rows).toHaveLength(4)
      expect(rows.every((r) => r.import_status === "imported")).toBe(true)
      const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["id", "metadata"] })
      const kaspiIds = orders.map((x: any) => x.metadata?.kaspi_id).filter(Boolean)
      expect(kaspiIds).toHaveLength(4)
      expect(new Set(kaspiIds).size).toBe(4)
    })

    it("an order already cancelled when first seen is recorded as ignored", async () => {
      const o = sandbox.addOrder({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "BUYER_CANCELLATION_HIMSELF", entries: [{ sku: "CASE-1" }] })
      const stats = await sync(getContainer())
      expect(stats.ignored).toBe(1)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row).toMatchObject({ import_status: "ignored", order_id: null })
    })

    it("a buyer's cancellation on Kaspi cancels the Medusa order and releases its reservations, marked as coming from Kaspi", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", entries: [{ sku: "PHONE-1", quantity: 2 }] })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const reserved = async () =>
        (await query.graph({ entity: "reservation_item", fields: ["id"], filters: { location_id: locationId } })).data.length
      expect(await reserved()).toBe(1)

      sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
      const stats = await sync(container)
      expect(stats.status_changes).toBe(1)
      const order = await orderGraph(container, row.order_id as string)
      expect(order.status).toBe("canceled")
      expect(order.metadata).toMatchObject({ kaspi_status: "CANCELLED", kaspi_last_change_origin: "kaspi", kaspi_cancellation_reason: "BUYER_CANCELLATION_HIMSELF" })
      expect(await reserved()).toBe(0)
      const events = await kaspi.listKaspiEvents({ kaspi_order_id: row.id })
      expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["kaspi.status_changed", "medusa.order_canceled"]))
      // nothing more happens on the next poll
      expect((await sync(container)).status_changes).toBe(0)
    })

    it("Kaspi completing a Kaspi Delivery order fulfils, delivers and completes the Medusa order", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({
        status: "ACCEPTED_BY_MERCHANT",
        deliveryMode: "DELIVERY_REGIONAL_TODOOR",
        isKaspiDelivery: true,
        storeId: "PP1",
        entries: [{ sku: "CASE-1", quantity: 2 }],
      })
      await sync(container)
      const client = await kaspi.getClient(ACCOUNT)
      await client.assembleOrder({ id: o.id, code: o.code }, 1)
      sandbox.trigger(o.code, "courier_pickup")
      sandbox.trigger(o.code, "kaspi_complete")
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row.status).toBe("COMPLETED")
      const evs = await kaspi.listKaspiEvents({ kaspi_order_id: row.id })
      expect(evs.filter((e) => e.result === "error").map((e) => e.message)).toEqual([])
      const order = await orderGraph(container, row.order_id as string)
      expect(order.status).toBe("completed")
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["fulfillments.delivered_at"],
        filters: { id: row.order_id },
      })
      expect(data[0].fulfillments[0].delivered_at).toBeTruthy()
    })

    it("a Kaspi cancellation of an order with an unshipped fulfilment cancels the fulfilment first, then the order", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", storeId: "PP1", entries: [{ sku: "CASE-1", quantity: 2 }] })
      await sync(container)
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      const before = await orderGraph(container, row.order_id as string)
      await createOrderFulfillmentWorkflow(container).run({
        input: {
          order_id: row.order_id as string,
          items: before.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: Number(i.quantity) })),
          location_id: locationId,
          no_notification: true,
        },
      })

      sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
      expect((await sync(container)).status_changes).toBe(1)
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["status", "fulfillments.canceled_at"],
        filters: { id: row.order_id },
      })
      expect(data[0].status).toBe("canceled")
      expect(data[0].fulfillments).toHaveLength(1)
      expect(data[0].fulfillments[0].canceled_at).toBeTruthy()
      const types = (await kaspi.listKaspiEvents({ kaspi_order_id: row.id })).map((e) => e.type)
      expect(types).toEqual(expect.arrayContaining(["kaspi.status_changed", "medusa.order_canceled"]))
      expect(types).not.toContain("medusa.follow_up_failed")
    })

    it("an account with no stored setup: the import alone waits with the reason; the sync sets it up once, then imports", async () => {
      const container = getContainer()
      const [first] = await kaspi.listKaspiAccountSettings({ account_id: ACCOUNT })
      await kaspi.updateKaspiAccountSettings({ id: first.id, region_id: null, sales_channel_id: null, stock_location_id: null, shipping_option_id: null })

      // The import workflow only reads the stored setup.
      const waiting = sandbox.addOrder({ status: "APPROVED_BY_BANK", storeId: "PP1", entries: [{ sku: "CASE-1" }] })
      const order = await (await kaspi.getClient(ACCOUNT)).getOrderByCode(waiting.code)
      const { result } = await importKaspiOrderWorkflow(container).run({ input: { account_id: ACCOUNT, order: order! } })
      expect(result.outcome).toBe("needs_attention")
      expect(result.reason).toContain("is not set up in Medusa yet")

      // The sync runs the setup workflow first: it finds what the first setup made and creates nothing twice.
      const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", storeId: "PP1", entries: [{ sku: "CASE-1" }] })
      expect(await sync(container)).toMatchObject({ imported: 1 })
      const [stored] = await kaspi.listKaspiAccountSettings({ account_id: ACCOUNT })
      expect(stored).toMatchObject({
        region_id: first.region_id,
        sales_channel_id: first.sales_channel_id,
        stock_location_id: first.stock_location_id,
        shipping_option_id: first.shipping_option_id,
      })
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect((await orderGraph(container, row.order_id as string)).sales_channel_id).toBe(first.sales_channel_id)
      const { data: channels } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "sales_channel",
        fields: ["id"],
        filters: { name: "Kaspi.kz" },
      })
      expect(channels).toHaveLength(1)
    })

    it("a response that fails validation is kept as failed with the reason, and the good orders still import", async () => {
      const container = getContainer()
      sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
      // a broken order: Kaspi's total as text
      const broken = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
      sandbox.corruptOrder(broken.code, { totalPrice: "7000 ₸" })
      const stats = await sync(container)
      expect(stats).toMatchObject({ invalid: 1, imported: 1 })
      const [row] = await kaspi.listKaspiOrders({ code: broken.code })
      expect(row).toMatchObject({ import_status: "failed", order_id: null })
      expect(row.import_reason).toMatch(/attributes\.totalPrice/)
      const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["id"] })
      expect(orders).toHaveLength(1)
    })

    it("polling records where it got to and resumes from there after a restart; only one poll runs at a time", async () => {
      const container = getContainer()
      sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
      const [first, concurrent] = await Promise.all([
        pollKaspiAccount(container, ACCOUNT, { force: true }),
        pollKaspiAccount(container, ACCOUNT, { force: true }),
      ])
      expect([first.ran, concurrent.ran].sort()).toEqual([false, true])
      const [state] = await kaspi.listKaspiSyncStates({ account_id: ACCOUNT })
      expect(state.last_new_poll_at).toBeTruthy()
      expect(state.lease_until).toBeNull()
      const lastPoll = new Date(state.last_new_poll_at as Date).getTime()

      // not due yet: the job does nothing
      const before = sandbox.requests().length
      await pollKaspiOrdersJob(container)
      expect(sandbox.requests().length).toBe(before)

      // "restart": the next tick starts from where polling got to — the open states over the window,
      // not the initial look-back, and the archive only when its interval is due
      await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(lastPoll - 60_000) })
      const since = sandbox.requests().length
      const tick = await pollKaspiAccount(container, ACCOUNT)
      expect(tick).toMatchObject({ ran: true, archive: "none", statusSynced: false })
      const newOrderQueries = sandbox
        .requests()
        .slice(since)
        .filter((r) => r.route.startsWith("GET /v2/orders") && new URLSearchParams(r.query).get("filter[orders][state]") === "NEW")
      expect(newOrderQueries).toHaveLength(1)
      const ge = Number(new URLSearchParams(newOrderQueries[0].query).get("filter[orders][creationDate][$ge]"))
      expect(ge).toBeGreaterThan(Date.now() - 13 * DAY - 60_000)
      const rows = await kaspi.listKaspiOrders({ account_id: ACCOUNT })
      expect(rows.filter((r) => r.import_status === "imported")).toHaveLength(1)
    })

    it("a new order Kaspi publishes long after its creationDate is imported by the next tick: open states are read over the whole window", async () => {
      const container = getContainer()
      await pollKaspiAccount(container, ACCOUNT, { force: true })
      const late = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }], creationDate: sandbox.now() - 3 * 24 * 3600_000 })
      const [state] = await kaspi.listKaspiSyncStates({ account_id: ACCOUNT })
      await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(Date.now() - 60_000) })
      expect((await pollKaspiAccount(container, ACCOUNT)).archive).toBe("none")
      const [row] = await kaspi.listKaspiOrders({ code: late.code })
      expect(row).toMatchObject({ import_status: "imported" })
    })

    it("an open order Kaspi cancels is read once by code on the next tick, without reading the archive", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", entries: [{ sku: "CASE-1" }] })
      await pollKaspiAccount(container, ACCOUNT, { force: true })
      expect((await kaspi.listKaspiOrders({ code: o.code }))[0]).toMatchObject({ import_status: "imported", state: "PICKUP" })
      sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
      const [state] = await kaspi.listKaspiSyncStates({ account_id: ACCOUNT })
      await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(Date.now() - 60_000) })
      const since = sandbox.requests().length
      expect((await pollKaspiAccount(container, ACCOUNT)).archive).toBe("none")
      const [row] = await kaspi.listKaspiOrders({ code: o.code })
      expect(row).toMatchObject({ status: "CANCELLED", state: "ARCHIVE" })
      const reads = sandbox.requests().slice(since).map((r) => new URLSearchParams(r.query))
      expect(reads.filter((q) => q.get("filter[orders][code]") === o.code)).toHaveLength(1)
      expect(reads.filter((q) => q.get("filter[orders][state]") === "ARCHIVE")).toHaveLength(0)
    })

    it("a return on an archived order is found by the archive read of the statuses that change after an order is finished", async () => {
      const container = getContainer()
      const o = sandbox.addOrder({ status: "COMPLETED", deliveryMode: "DELIVERY_PICKUP", entries: [{ sku: "CASE-1" }] })
      await pollKaspiAccount(container, ACCOUNT, { force: true })
      expect((await kaspi.listKaspiOrders({ code: o.code }))[0]).toMatchObject({ status: "COMPLETED", state: "ARCHIVE" })
      // returned between two archive reads: it never shows in an open list
      sandbox.trigger(o.code, "return_requested")
      sandbox.trigger(o.code, "returned")
      const [state] = await kaspi.listKaspiSyncStates({ account_id: ACCOUNT })
      await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(Date.now() - 60_000), last_status_sync_at: new Date(Date.now() - 11 * 60_000) })
      const since = sandbox.requests().length
      expect((await pollKaspiAccount(container, ACCOUNT)).archive).toBe("by_status")
      expect((await kaspi.listKaspiOrders({ code: o.code }))[0]).toMatchObject({ status: "RETURNED" })
      const archive = sandbox
        .requests()
        .slice(since)
        .map((r) => new URLSearchParams(r.query))
        .filter((q) => q.get("filter[orders][state]") === "ARCHIVE")
      expect(archive.map((q) => q.get("filter[orders][status]")).sort()).toEqual(["CANCELLED", "CANCELLING", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURNED"])
      expect(archive.every((q) => q.get("include[orders]") === null)).toBe(true)
    })

    it("backfills a date range beyond 14 days through the ≤14-day windows", async () => {
      const container = getContainer()
      const now = sandbox.now()
      for (const daysAgo of [35, 20, 3]) {
        sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", creationDate: now - daysAgo * DAY, entries: [{ sku: "CASE-1" }] })
      }
      const stats = await syncKaspiOrders(container, { accountId: ACCOUNT, from: now - 40 * DAY, to: now, states: ALL_ORDER_STATES })
      expect(stats.imported).toBe(3)
      expect(stats.pages).toBeGreaterThanOrEqual(3)
    })

    describe("first contact with Kaspi: documented request forms, tolerant reading", () => {
      const listCalls = (since: number) =>
        sandbox
          .requests()
          .slice(since)
          .filter((r) => r.route === "GET /v2/orders" && !new URLSearchParams(r.query).get("filter[orders][code]"))
          .map((r) => new URLSearchParams(r.query))
      const statesOf = (calls: URLSearchParams[]) => calls.map((q) => q.getAll("filter[orders][state]").join("|")).sort()

      it("asks for one state per request: the five open states on a tick, the archive by status when due, the whole archive on sync now", async () => {
        const container = getContainer()
        // the very first poll reads the initial look-back (14 days: two windows per state); the next ones one each
        await pollKaspiAccount(container, ACCOUNT, { force: true })
        let since = sandbox.requests().length
        expect((await pollKaspiAccount(container, ACCOUNT, { force: true })).archive).toBe("all")
        const sync = listCalls(since)
        expect(statesOf(sync)).toEqual(["ARCHIVE", "DELIVERY", "KASPI_DELIVERY", "NEW", "PICKUP", "SIGN_REQUIRED"])
        for (const q of sync) {
          const ge = Number(q.get("filter[orders][creationDate][$ge]"))
          const le = Number(q.get("filter[orders][creationDate][$le]"))
          expect(le - ge).toBeLessThan(13 * DAY) // a margin under Kaspi's 14 days, whichever way it counts them
          expect(q.get("page[number]")).toBe("0")
          expect(q.get("page[size]")).toBe("100")
          // entries only where new orders appear: elsewhere the status is all a tick needs
          expect(q.get("include[orders]")).toBe(["NEW", "SIGN_REQUIRED"].includes(q.get("filter[orders][state]") as string) ? "entries" : null)
        }

        const [state] = await kaspi.listKaspiSyncStates({ account_id: ACCOUNT })
        await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(Date.now() - 60_000) })
        since = sandbox.requests().length
        expect((await pollKaspiAccount(container, ACCOUNT)).archive).toBe("none")
        expect(statesOf(listCalls(since))).toEqual(["DELIVERY", "KASPI_DELIVERY", "NEW", "PICKUP", "SIGN_REQUIRED"])

        await kaspi.updateKaspiSyncStates({ id: state.id, last_new_poll_at: new Date(Date.now() - 60_000), last_status_sync_at: new Date(Date.now() - 11 * 60_000) })
        since = sandbox.requests().length
        expect((await pollKaspiAccount(container, ACCOUNT)).archive).toBe("by_status")
        expect(statesOf(listCalls(since))).toEqual(["ARCHIVE", "ARCHIVE", "ARCHIVE", "ARCHIVE", "DELIVERY", "KASPI_DELIVERY", "NEW", "PICKUP", "SIGN_REQUIRED"])
        // every one of them was answered: none was a form the sandbox (Kaspi as documented) refuses
        expect(sandbox.requests().filter((r) => r.status === 400)).toEqual([])
      })

      it("imports an order with a null customer id and a null origin address id", async () => {
        const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }], customer: { firstName: "Ерлан", cellPhone: "7011112233" } })
        const raw = sandbox.getOrder(o.code)!
        sandbox.corruptOrder(o.code, {
          customer: { id: null, name: null, cellPhone: "7011112233", firstName: "Ерлан", lastName: null },
          originAddress: { id: null, displayName: null, address: null, city: { id: null, code: null, name: null } },
        })
        expect(raw.code).toBe(o.code)
        expect(await sync(getContainer())).toMatchObject({ imported: 1, invalid: 0 })
        const [row] = await kaspi.listKaspiOrders({ code: o.code })
        const order = await orderGraph(getContainer(), row.order_id as string)
        expect(order.email).toBe("77011112233@buyer.kaspi.invalid")
      })

      it("a line Kaspi cut to quantity 0 is read, left out of the import, and does not stop later updates", async () => {
        const container = getContainer()
        const client = await kaspi.getClient(ACCOUNT)
        const o = sandbox.addOrder({
          status: "APPROVED_BY_BANK",
          deliveryCost: 0,
          entries: [
            { sku: "PHONE-1", quantity: 1, basePrice: 149990 },
            { sku: "CASE-1", quantity: 2, basePrice: 3500 },
          ],
        })
        const caseLine = o.entries.find((e) => e.sku === "CASE-1")!
        await client.cancelOrderEntry({ entryId: caseLine.id, remainedQuantity: 0, reason: "MERCHANT_OUT_OF_STOCK" })
        expect(await sync(container)).toMatchObject({ imported: 1, invalid: 0 })
        const [row] = await kaspi.listKaspiOrders({ code: o.code })
        const order = await orderGraph(container, row.order_id as string)
        expect(order.items.map((i: any) => i.variant_sku)).toEqual(["PHONE-1"])
        expect(Number(order.total)).toBe(149990)
        expect(Number(order.total)).toBe(sandbox.getOrder(o.code)!.totalPrice)

        // imported, then Kaspi cuts its only line's quantity as well: the order still reads and follows Kaspi
        const phoneLine = o.entries.find((e) => e.sku === "PHONE-1")!
        await client.cancelOrderEntry({ entryId: phoneLine.id, remainedQuantity: 0, reason: "MERCHANT_OUT_OF_STOCK" }).catch(() => undefined)
        sandbox.trigger(o.code, "buyer_cancel", { immediate: true })
        expect(await sync(container)).toMatchObject({ invalid: 0, status_changes: 1 })
        const [after] = await kaspi.listKaspiOrders({ code: o.code })
        expect(after).toMatchObject({ status: "CANCELLED", sync_problem: null })
      })

      it("a status the plugin does not know is kept as text: a new order waits for a person, an imported one records it", async () => {
        const container = getContainer()
        const fresh = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
        sandbox.corruptOrder(fresh.code, { status: "WAITING_FOR_SOMETHING_NEW" })
        expect(await sync(container)).toMatchObject({ needs_attention: 1, invalid: 0 })
        const [waiting] = await kaspi.listKaspiOrders({ code: fresh.code })
        expect(waiting).toMatchObject({ import_status: "needs_attention", status: "WAITING_FOR_SOMETHING_NEW", order_id: null })
        expect(waiting.import_reason).toMatch(/"WAITING_FOR_SOMETHING_NEW" is not known/)
        // Kaspi moves it on to a status the plugin knows: it is decided again, and imported
        sandbox.corruptOrder(fresh.code, {})
        await sync(container)
        expect((await kaspi.listKaspiOrders({ code: fresh.code }))[0]).toMatchObject({ import_status: "imported", status: "APPROVED_BY_BANK" })

        const [row] = await kaspi.listKaspiOrders({ code: fresh.code })
        sandbox.corruptOrder(fresh.code, { status: "SOMETHING_ELSE_NEW" })
        expect(await sync(container)).toMatchObject({ status_changes: 1, invalid: 0 })
        expect((await kaspi.listKaspiOrders({ code: fresh.code }))[0]).toMatchObject({ status: "SOMETHING_ELSE_NEW", import_status: "imported" })
        const order = await orderGraph(container, row.order_id as string)
        expect(order.status).toBe("pending")
        const events = await kaspi.listKaspiEvents({ kaspi_order_id: row.id })
        expect(events.map((e) => e.message).join("\n")).toMatch(/"SOMETHING_ELSE_NEW" is not known to the plugin/)
      })

      it("an imported order Kaspi later sends in a shape it cannot read is flagged on the order, once, with the path, until it reads again", async () => {
        const container = getContainer()
        const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
        await sync(container)
        const [row] = await kaspi.listKaspiOrders({ code: o.code })
        expect(row).toMatchObject({ import_status: "imported", sync_problem: null })

        sandbox.corruptOrder(o.code, { totalPrice: "7000 ₸" })
        expect(await sync(container)).toMatchObject({ invalid: 1 })
        await sync(container)
        const [flagged] = await kaspi.listKaspiOrders({ code: o.code })
        expect(flagged).toMatchObject({ import_status: "imported", order_id: row.order_id })
        expect(flagged.sync_problem).toMatchObject({ kind: "unreadable", reason: expect.stringContaining("attributes.totalPrice") })
        const said = (await kaspi.listKaspiEvents({ kaspi_order_id: row.id })).filter((e) => e.type === "import.failed")
        expect(said).toHaveLength(1) // said once, not at every tick

        const headers = await adminHeaders(api, container)
        const one = await api.get(`/admin/kaspi/orders/${row.order_id}`, headers)
        expect(one.data.kaspi_order.sync_problem.reason).toMatch(/attributes\.totalPrice/)
        const listed = await api.get(`/admin/kaspi/orders?sync_problem=true`, headers)
        expect(listed.data.kaspi_orders.map((r: any) => r.code)).toEqual([o.code])

        sandbox.corruptOrder(o.code, {})
        await sync(container)
        expect((await kaspi.listKaspiOrders({ code: o.code }))[0].sync_problem).toBeNull()
        expect((await api.get(`/admin/kaspi/orders?sync_problem=true`, headers)).data.kaspi_orders).toEqual([])
      })
    })

    describe("admin API", () => {
      let admin: { headers: { authorization: string } }
      beforeEach(async () => {
        admin = await adminHeaders(api, getContainer())
      })

      it("answers 401 without a session on every orders route", async () => {
        for (const [method, url] of [
          ["get", "/admin/kaspi/orders"],
          ["get", "/admin/kaspi/orders/kord_x"],
          ["post", "/admin/kaspi/orders/kord_x/retry"],
          ["post", "/admin/kaspi/orders/sync"],
          ["get", "/admin/kaspi/sku-mappings"],
          ["post", "/admin/kaspi/sku-mappings"],
          ["delete", "/admin/kaspi/sku-mappings/x"],
          ["get", "/admin/kaspi/store-mappings"],
          ["post", "/admin/kaspi/store-mappings"],
          ["get", "/admin/kaspi/events"],
          ["post", "/admin/kaspi/accounts/default/setup"],
        ] as const) {
          const res = await api.request({ method, url, validateStatus: () => true })
          expect([url, res.status]).toEqual([url, 401])
        }
      })

      it("sets an account up again on request, choosing what is there instead of creating it twice", async () => {
        const [stored] = await kaspi.listKaspiAccountSettings({ account_id: ACCOUNT })
        const res = await api.post("/admin/kaspi/accounts/default/setup", {}, admin)
        expect(res.data.setup).toEqual({
          account_id: ACCOUNT,
          region_id: stored.region_id,
          sales_channel_id: stored.sales_channel_id,
          stock_location_id: stored.stock_location_id,
          shipping_option_id: stored.shipping_option_id,
          currency_code: "kzt",
        })
      })

      it("syncs now, lists needs-attention first, shows one order with its history, and a SKU mapping re-imports it", async () => {
        sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
        const stuck = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "KASPI-777_1", quantity: 2, basePrice: 3500 }] })
        const synced = await api.post("/admin/kaspi/orders/sync", {}, admin)
        expect(synced.data).toMatchObject({ mode: "poll", ran: true, stats: { imported: 1, needs_attention: 1 } })

        const list = await api.get("/admin/kaspi/orders?limit=10", admin)
        expect(list.data.count).toBe(2)
        expect(list.data.counts).toMatchObject({ needs_attention: 1, imported: 1 })
        expect(list.data.kaspi_orders.map((o: any) => o.import_status)).toEqual(["needs_attention", "imported"])
        const waiting = list.data.kaspi_orders[0]
        expect(waiting).toMatchObject({ code: stuck.code, unmapped_skus: ["KASPI-777_1"] })

        const filtered = await api.get("/admin/kaspi/orders?import_status=imported", admin)
        expect(filtered.data.kaspi_orders.map((o: any) => o.import_status)).toEqual(["imported"])

        const one = await api.get(`/admin/kaspi/orders/${waiting.id}`, admin)
        expect(one.data.kaspi_order.raw).toBeTruthy()
        expect(one.data.events.map((e: any) => e.type)).toContain("import.needs_attention")

        const variants = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_variant", fields: ["id"], filters: { sku: "CASE-1" } })
        const mapped = await api.post("/admin/kaspi/sku-mappings", { kaspi_sku: "KASPI-777_1", variant_id: variants.data[0].id }, admin)
        expect(mapped.status).toBe(201)
        expect(mapped.data.retried).toEqual([{ code: stuck.code, outcome: "imported" }])
        const after = await api.get(`/admin/kaspi/orders/${waiting.id}`, admin)
        expect(after.data.kaspi_order).toMatchObject({ import_status: "imported" })
        expect(after.data.kaspi_order.order_id).toMatch(/^order_/)

        const dup = await api.post("/admin/kaspi/sku-mappings", { kaspi_sku: "KASPI-777_1", variant_id: variants.data[0].id }, { ...admin, validateStatus: () => true })
        expect(dup.status).toBeGreaterThanOrEqual(400)
        const events = await api.get(`/admin/kaspi/events?kaspi_order_id=${waiting.id}`, admin)
        expect(events.data.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(["import.needs_attention", "import.imported"]))

        // The account's event log page filters by code, type, result and creation time; the count follows the filters.
        const log = async (query: string) => (await api.get(`/admin/kaspi/events?account_id=default&${query}`, admin)).data
        const byCode = await log(`kaspi_code=${stuck.code}`)
        expect(byCode.events.length).toBeGreaterThanOrEqual(2)
        expect(byCode.count).toBe(byCode.events.length)
        expect(new Set(byCode.events.map((e: any) => e.kaspi_code))).toEqual(new Set([stuck.code]))
        const attention = await log(`kaspi_code=${stuck.code}&type=import.needs_attention&result=error`)
        const info = await log(`kaspi_code=${stuck.code}&type=import.needs_attention&result=info`)
        expect(attention.count + info.count).toBeGreaterThanOrEqual(1)
        for (const e of [...attention.events, ...info.events]) expect(e.type).toBe("import.needs_attention")
        expect(attention.events.every((e: any) => e.result === "error") && info.events.every((e: any) => e.result === "info")).toBe(true)
        const future = new Date(Date.now() + 3_600_000).toISOString()
        expect(await log(`kaspi_code=${stuck.code}&created_from=${future}`)).toMatchObject({ events: [], count: 0 })
        expect((await log(`kaspi_code=${stuck.code}&created_to=${future}`)).count).toBe(byCode.count)
        const badResult = await api.get(`/admin/kaspi/events?result=maybe`, { ...admin, validateStatus: () => true })
        expect(badResult.status).toBe(400)
      })

      it("backfills a range, and validates the request", async () => {
        const now = sandbox.now()
        sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", creationDate: now - 30 * DAY, entries: [{ sku: "CASE-1" }] })
        const res = await api.post("/admin/kaspi/orders/sync", { from: new Date(now - 40 * DAY).toISOString(), to: new Date(now).toISOString() }, admin)
        // A range starts a backfill in the background (202); the job's tick runs it to the end here.
        expect(res.status).toBe(202)
        expect(res.data).toMatchObject({ mode: "backfill", backfill: { status: "running", windows_total: 4 } })
        expect(await runBackfillToEnd(getContainer(), res.data.backfill.id)).toBe("done")
        const finished = await api.get(`/admin/kaspi/backfills/${res.data.backfill.id}`, admin)
        expect(finished.data.backfill).toMatchObject({ status: "done", orders_imported: 1 })
        const bad = await api.post("/admin/kaspi/orders/sync", { to: new Date(now).toISOString() }, { ...admin, validateStatus: () => true })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/from/)
        const unknown = await api.post("/admin/kaspi/orders/sync", { states: ["NOPE"] }, { ...admin, validateStatus: () => true })
        expect(unknown.status).toBe(400)
      })

      it("retries a failed order on request", async () => {
        const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", entries: [{ sku: "CASE-1" }] })
        sandbox.corruptOrder(o.code, { totalPrice: "oops" })
        await api.post("/admin/kaspi/orders/sync", {}, admin)
        const [row] = await kaspi.listKaspiOrders({ code: o.code })
        expect(row.import_status).toBe("failed")
        // Kaspi answers properly again
        sandbox.corruptOrder(o.code, {})
        const retried = await api.post(`/admin/kaspi/orders/${row.id}/retry`, {}, admin)
        expect(retried.data).toMatchObject({ outcome: "imported", kaspi_order: { import_status: "imported" } })
        const again = await api.post(`/admin/kaspi/orders/${row.id}/retry`, {}, { ...admin, validateStatus: () => true })
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/already imported/)
      })

      it("manages store mappings and refuses an unknown stock location", async () => {
        const created = await api.post("/admin/kaspi/store-mappings", { store_id: "PP2", stock_location_id: locationId, stock_buffer: 2 }, admin)
        expect(created.data.store_mapping).toMatchObject({ store_id: "PP2", stock_buffer: 2, account_id: "default" })
        const updated = await api.post(`/admin/kaspi/store-mappings/${created.data.store_mapping.id}`, { pre_order_days: 5 }, admin)
        expect(updated.data.store_mapping.pre_order_days).toBe(5)
        const list = await api.get("/admin/kaspi/store-mappings", admin)
        expect(list.data.store_mappings.map((m: any) => m.store_id).sort()).toEqual(["PP1", "PP2"])
        const bad = await api.post("/admin/kaspi/store-mappings", { store_id: "PP3", stock_location_id: "sloc_nope" }, { ...admin, validateStatus: () => true })
        expect(bad.status).toBe(400)
        const tooLong = await api.post("/admin/kaspi/store-mappings", { store_id: "PP3", stock_location_id: locationId, pre_order_days: 31 }, { ...admin, validateStatus: () => true })
        expect(tooLong.status).toBe(400)
        const del = await api.delete(`/admin/kaspi/store-mappings/${created.data.store_mapping.id}`, admin)
        expect(del.data.deleted).toBe(true)
      })
    })
  },
})
