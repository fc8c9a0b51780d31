import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import { captureOutput } from "../helpers/capture-output"
import pollKaspiOrdersJob from "../../src/jobs/poll-kaspi-orders"

jest.setTimeout(120_000)

// A sentinel token: the suite fails if it shows up in any response, log line or error.
const SENTINEL = "SENTINEL-http-token-must-never-leak-0000000"
let sandbox: KaspiSandbox
const output = captureOutput()

beforeAll(async () => {
  sandbox = await startSandboxForApp(SENTINEL)
})

afterAll(async () => {
  output.restore()
  await sandbox?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: { authorization: string } }

    beforeEach(async () => {
      sandbox.reset()
      sandbox.setFaults({ rate: 0, kinds: [] })
      admin = await adminHeaders(api, getContainer())
    })

    it("every /admin/kaspi route answers 401 without a session", async () => {
      for (const [method, url] of [
        ["get", "/admin/kaspi/accounts"],
        ["post", "/admin/kaspi/accounts/default/test-connection"],
      ] as const) {
        const res = await api.request({ method, url, validateStatus: () => true })
        expect(res.status).toBe(401)
      }
    })

    it("lists the configured account without its token", async () => {
      const res = await api.get("/admin/kaspi/accounts", admin)
      expect(res.status).toBe(200)
      expect(res.data.accounts).toEqual([
        expect.objectContaining({ id: "default", merchantId: sandbox.merchantIds[0], hasToken: true }),
      ])
      expect(JSON.stringify(res.data)).not.toContain(SENTINEL)
    })

    it("tests the connection against Kaspi (the sandbox) and explains failures in plain words", async () => {
      const ok = await api.post("/admin/kaspi/accounts/default/test-connection", {}, admin)
      expect(ok.data.connection).toMatchObject({ ok: true, accountId: "default" })
      expect(sandbox.requests().some((r) => r.route.startsWith("GET /v2/orders") && r.status === 200)).toBe(true)

      sandbox.setFaults({ rate: 1, kinds: ["html404"] })
      const html = await api.post("/admin/kaspi/accounts/default/test-connection", {}, admin)
      expect(html.data.connection).toMatchObject({ ok: false, kind: "not_found" })
      expect(html.data.connection.message).toMatch(/HTML 404/)
      expect(JSON.stringify(html.data)).not.toContain(SENTINEL)
    })

    it("lets the store owner turn polling and auto-accept on and off over medusa-config, and validates it", async () => {
      const url = "/admin/kaspi/accounts/default/order-options"
      const before = await api.get(url, admin)
      // The test app's medusa-config has polling off (tests run the jobs themselves) and auto-accept off.
      expect(before.data.order_options).toMatchObject({
        polling: false,
        auto_accept: false,
        overrides: { polling: null, poll_interval_seconds: null, auto_accept: null },
      })
      const job = pollKaspiOrdersJob
      const polls = () => sandbox.requests().filter((r) => r.route.startsWith("GET /v2/orders")).length
      await job(getContainer())
      expect(polls()).toBe(0)

      const on = await api.post(url, { polling: true, poll_interval_seconds: 15, auto_accept: true }, admin)
      expect(on.data.order_options).toMatchObject({ polling: true, poll_interval_seconds: 15, auto_accept: true, config: { polling: false } })
      await job(getContainer())
      expect(polls()).toBeGreaterThan(0)

      const reset = await api.post(url, { polling: null, poll_interval_seconds: null, auto_accept: null }, admin)
      expect(reset.data.order_options).toEqual(before.data.order_options)
      const events = await api.get("/admin/kaspi/events?account_id=default&type=order_options_changed", admin)
      expect(events.data.events).toHaveLength(2)

      for (const bad of [{ poll_interval_seconds: 5 }, { auto_accept: "yes" }, { dry_run: true }]) {
        const res = await api.post(url, bad, { ...admin, validateStatus: () => true })
        expect(res.status).toBe(400)
      }
      expect((await api.request({ method: "post", url, data: {}, validateStatus: () => true })).status).toBe(401)
      expect((await api.get("/admin/kaspi/accounts/nope/order-options", { ...admin, validateStatus: () => true })).status).toBe(404)
    })

    it("answers 404 for an account that is not configured", async () => {
      const res = await api.post("/admin/kaspi/accounts/nope/test-connection", {}, { ...admin, validateStatus: () => true })
      expect(res.status).toBe(404)
      expect(res.data.message).toMatch(/No Kaspi account "nope"/)
    })

    it("loads the Kaspi module with its options and tables", async () => {
      const kaspi = getContainer().resolve("kaspi") as import("../../src/modules/kaspi/service").default
      const created = await kaspi.createKaspiOrders({
        account_id: "default",
        kaspi_id: "x",
        code: "1",
        state: "NEW",
        status: "APPROVED_BY_BANK",
        total_price: 1,
        kaspi_created_at: new Date(),
        raw: {},
      })
      expect(created.id).toMatch(/^kord_/)
      expect(kaspi.getResolvedOptions().accounts[0].apiUrl).toBe(sandbox.baseUrl)
    })

    it("never printed the token in any log line during the suite", () => {
      expect(output.text().length).toBeGreaterThan(0)
      expect(output.text()).not.toContain(SENTINEL)
    })
  },
})
