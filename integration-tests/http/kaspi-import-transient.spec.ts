import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sandboxForSuite } from "../helpers/sandbox-for-app"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { syncKaspiOrders, ALL_ORDER_STATES } from "../../src/lib/sync/sync-kaspi-orders"
import { prepareKaspiShop } from "../helpers/kaspi-shop"

jest.setTimeout(180_000)

const DAY = 24 * 3600 * 1000
const ACCOUNT = "default"
const sandbox = sandboxForSuite("transient-test-token")

/**
 * A worker killed while it held a lock (the reservation's, on the inventory
 * item) leaves the lock until it expires: the next import of an order with
 * that item times out waiting. That is Medusa being busy, not the order being
 * wrong: the order waits for the next poll instead of becoming "failed" (which
 * only a person retries), and the next poll imports it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let kaspi: KaspiModuleService

    beforeEach(async () => {
      ;({ kaspi } = await prepareKaspiShop(getContainer(), sandbox, ACCOUNT, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: 100 }]))
    })

    const sync = () => {
      const now = sandbox.now()
      return syncKaspiOrders(getContainer(), { accountId: ACCOUNT, from: now - 13 * DAY, to: now, states: ALL_ORDER_STATES })
    }

    it("a lock timeout leaves the order pending with the reason in its history; the next poll imports it", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { sku: "CASE-1" } })
      const inventoryItemId = (data[0] as { inventory_items: Array<{ inventory_item_id: string }> }).inventory_items[0].inventory_item_id
      const locking = container.resolve(Modules.LOCKING)
      await locking.acquire(inventoryItemId, { ownerId: "a-worker-that-died", expire: 120 })

      const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", storeId: "PP1", entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }] })
      await sync()
      const [waiting] = await kaspi.listKaspiOrders({ code: o.code })
      expect(waiting).toMatchObject({ import_status: "pending", order_id: null })
      const events = await kaspi.listKaspiEvents({ kaspi_order_id: waiting.id, type: "import.retry_later" })
      expect(events).toHaveLength(1)
      expect(events[0].data).toMatchObject({ code: "import.retry_later", params: { error: expect.stringMatching(/Timed-out acquiring lock/) } })

      // The lock expires (here: released): the next poll takes the order again.
      await locking.release(inventoryItemId, { ownerId: "a-worker-that-died" })
      await sync()
      const [imported] = await kaspi.listKaspiOrders({ code: o.code })
      expect(imported.import_status).toBe("imported")
      expect(imported.order_id).toMatch(/^order_/)
    })
  },
})
