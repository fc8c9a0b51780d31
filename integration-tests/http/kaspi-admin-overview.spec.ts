import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { startKaspiSandbox } from "../../sandbox"
import type { KaspiSandbox } from "../../sandbox/types"
import { seedCatalog } from "../helpers/catalog"
import { adminHeaders } from "../helpers/admin-auth"
import { KASPI_MODULE } from "../../src/modules/kaspi"
import type KaspiModuleService from "../../src/modules/kaspi/service"
import { ensureKaspiAccountSetup } from "../../src/lib/sync/ensure-kaspi-account-setup"
import { pollKaspiAccount } from "../../src/lib/sync/poll-kaspi-account"
import { runBackfillToEnd } from "../helpers/backfill"

jest.setTimeout(180_000)

/**
 * The two admin reads the admin screens are built on: what the order widget
 * may offer (allowed_actions on GET /admin/kaspi/orders/:id, asked by the
 * Medusa order id) and the Kaspi page's overview (GET /admin/kaspi/overview).
 */
const TOKEN = "overview-test-token"
const ACCOUNT = "default"
const HOUR = 3600_000
let sandbox: KaspiSandbox

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN], waybillDelayMs: 50 })
  process.env.KASPI_API_URL = sandbox.baseUrl
  process.env.KASPI_API_TOKEN = TOKEN
  process.env.KASPI_MERCHANT_ID = sandbox.merchantIds[0]
})

afterAll(async () => {
  await sandbox?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let kaspi: KaspiModuleService
    let admin: { headers: { authorization: string } }

    const get = (url: string) => api.get(url, { ...admin, validateStatus: () => true })
    const order = (input: Parameters<KaspiSandbox["addOrder"]>[0]) =>
      sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", ...input })
    const poll = (container: MedusaContainer) => pollKaspiAccount(container, ACCOUNT, { force: true })

    beforeEach(async () => {
      sandbox.reset()
      const container = getContainer()
      kaspi = container.resolve(KASPI_MODULE)
      const setup = await ensureKaspiAccountSetup(container, ACCOUNT)
      await seedCatalog(container, [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: { [setup.stock_location_id]: 100 } }])
      admin = await adminHeaders(api, container)
    })

    it("tells the order widget, by Medusa order id, which actions Kaspi would take now", async () => {
      const container = getContainer()
      const pickup = order({ status: "APPROVED_BY_BANK", state: "NEW", deliveryMode: "DELIVERY_PICKUP" })
      const courier = order({ status: "ACCEPTED_BY_MERCHANT", state: "KASPI_DELIVERY", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
      await poll(container)
      const [p] = await kaspi.listKaspiOrders({ code: pickup.code })
      const [c] = await kaspi.listKaspiOrders({ code: courier.code })

      const byOrderId = await get(`/admin/kaspi/orders/${p.order_id}`)
      expect(byOrderId.status).toBe(200)
      expect(byOrderId.data.kaspi_order).toMatchObject({ id: p.id, code: pickup.code, raw: expect.any(Object) })
      expect(byOrderId.data.allowed_actions).toEqual(["accept", "cancel", "cancel_entry"])
      expect(byOrderId.data.cancel_reasons).toEqual(["BUYER_CANCELLATION_BY_MERCHANT", "BUYER_NOT_REACHABLE", "MERCHANT_OUT_OF_STOCK"])

      const accepted = await api.post(`/admin/kaspi/orders/${p.order_id}/actions`, { action: "accept" }, admin)
      expect(accepted.data.action.status).toBe("sent")
      expect((await get(`/admin/kaspi/orders/${p.order_id}`)).data.allowed_actions).toEqual(["send_code", "complete", "cancel", "cancel_entry"])

      const kd = await get(`/admin/kaspi/orders/${c.order_id}`)
      expect(kd.data.allowed_actions).toEqual(["assemble", "cancel", "cancel_entry"])
      // The lines a partial cancel picks from: Kaspi's entries (read with the NEW tab), else the Medusa items
      // (the KASPI_DELIVERY tab is read without entries), each with Kaspi's entry id.
      const line = (code: string) => ({ entry_id: sandbox.getOrder(code)?.entries[0].id, sku: "CASE-1", name: expect.any(String), quantity: 1 })
      expect(byOrderId.data.lines).toEqual([line(pickup.code)])
      expect(kd.data.lines).toEqual([line(courier.code)])
      expect(kd.data.cancel_reasons).not.toContain("BUYER_NOT_REACHABLE")
      // the Kaspi code and our kord_ id still work
      expect((await get(`/admin/kaspi/orders/${courier.code}`)).data.kaspi_order.id).toBe(c.id)
      expect((await get("/admin/kaspi/orders/order_does_not_exist")).status).toBe(404)
    })

    it("sums up the integration: last sync, imports today, what needs a person, cancellations against Kaspi's thresholds", async () => {
      const container = getContainer()
      const now = sandbox.now()
      for (let i = 0; i < 8; i++) order({ status: "APPROVED_BY_BANK", state: "NEW", creationDate: now - (i + 1) * HOUR })
      order({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "MERCHANT_OUT_OF_STOCK", creationDate: now - 30 * HOUR })
      order({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "TIMEOUT_BUYER_PICKUP", creationDate: now - 40 * HOUR })
      order({ status: "APPROVED_BY_BANK", state: "NEW", entries: [{ sku: "NOBODY-KNOWS", quantity: 1, basePrice: 1000 }] })
      // Outside the 30-day window: not counted.
      order({ status: "CANCELLED", state: "ARCHIVE", cancellationReason: "MERCHANT_OUT_OF_STOCK", creationDate: now - 40 * 24 * HOUR })
      await poll(container)
      // The far-away order comes in through a backfill, as a shop's history would.
      const backfill = await api.post("/admin/kaspi/orders/sync", { from: new Date(now - 45 * 24 * HOUR).toISOString(), to: new Date(now - 35 * 24 * HOUR).toISOString() }, admin)
      expect(await runBackfillToEnd(container, backfill.data.backfill.id)).toBe("done")

      const unauthenticated = await api.get("/admin/kaspi/overview", { validateStatus: () => true })
      expect(unauthenticated.status).toBe(401)
      const todayFrom = new Date(Date.now() - HOUR).toISOString()
      const res = await get(`/admin/kaspi/overview?today_from=${encodeURIComponent(todayFrom)}`)
      expect(res.status).toBe(200)
      const o = res.data
      expect(o.accounts).toHaveLength(1)
      expect(o.accounts[0]).toMatchObject({ id: ACCOUNT, merchant_id: sandbox.merchantIds[0], has_token: true })
      expect(JSON.stringify(o)).not.toContain(TOKEN)
      expect(new Date(o.accounts[0].sync.last_success_at).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000)
      // 11 orders in 30 days, 2 cancelled (one by the merchant, one by Kaspi): 18% — above the 5% penalty line.
      expect(o.accounts[0].cancellations).toMatchObject({ total: 11, cancelled: 2, merchant: 1, kaspi: 1, level: "penalty", warning_share: 0.03, penalty_share: 0.05 })
      expect(o.accounts[0].cancellations.share).toBeCloseTo(2 / 11)
      expect(o.orders).toMatchObject({ imported_today: 8, needs_attention: 1, failed: 0 })
      expect(o.actions).toMatchObject({ pending: 0, failed_recently: 0 })
      expect(o.options).toMatchObject({ polling: false, auto_accept: false, dry_run: false, default_cancel_reason: "MERCHANT_OUT_OF_STOCK" })

      const bad = await get("/admin/kaspi/overview?today_from=not-a-date")
      expect(bad.status).toBe(400)
    })
  },
})
