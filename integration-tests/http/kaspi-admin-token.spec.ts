import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import type { KaspiSandbox } from "../../sandbox/types"
import { adminHeaders } from "../helpers/admin-auth"
import { captureOutput } from "../helpers/capture-output"
import { prepareKaspiShop } from "../helpers/kaspi-shop"
import { ALL_ORDER_STATES, syncKaspiOrders } from "../../src/lib/sync/sync-kaspi-orders"
import { drainKaspiOutbox } from "../../src/lib/outbox/drain-kaspi-outbox"

jest.setTimeout(120_000)

/**
 * A token entered in Settings → Kaspi: the account is declared in the options
 * without one (KASPI_API_TOKEN empty), the encryption key is in the
 * environment, and the token reaches Kaspi only through the database,
 * encrypted.
 */
const TOKEN = `SENTINEL-stored-${randomBytes(12).toString("hex")}`
let sandbox: KaspiSandbox
const output = captureOutput()

beforeAll(async () => {
  sandbox = await startSandboxForApp(TOKEN)
  process.env.KASPI_API_TOKEN = "" // declared without a token: it is entered through the admin
  process.env.KASPI_TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64")
})

afterAll(async () => {
  output.restore()
  await sandbox?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: { authorization: string } }
    const noThrow = { validateStatus: () => true }
    const rawRows = async () =>
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("select * from kaspi_account_credential")).rows

    beforeEach(async () => {
      sandbox.reset()
      sandbox.setFaults({ rate: 0, kinds: [] })
      admin = await adminHeaders(api, getContainer())
    })

    it("stores a token Kaspi accepts, encrypted, uses it, and never shows it back", async () => {
      const before = await api.get("/admin/kaspi/accounts", admin)
      expect(before.data.accounts[0]).toMatchObject({ id: "default", hasToken: false, tokenSource: "none", canStoreToken: true })

      const saved = await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN }, admin)
      expect(saved.status).toBe(200)
      expect(saved.data).toMatchObject({ saved: true, connection: { ok: true }, account: { hasToken: true, tokenSource: "stored" } })
      expect(JSON.stringify(saved.data)).not.toContain(TOKEN)

      const rows = await rawRows()
      expect(rows).toHaveLength(1)
      expect(rows[0].token_ciphertext).toMatch(/^v1\./)
      expect(JSON.stringify(rows)).not.toContain(TOKEN)

      const listed = await api.get("/admin/kaspi/accounts", admin)
      expect(listed.data.accounts[0]).toMatchObject({ hasToken: true, tokenSource: "stored", tokenStoredAt: expect.any(String) })
      expect(JSON.stringify(listed.data)).not.toContain(TOKEN)

      // The stored token is what the poller sends: the sandbox only answers it.
      sandbox.seedOrders({ count: 2, seed: 3 })
      const poll = await api.post("/admin/kaspi/orders/sync", {}, admin)
      expect(poll.data).toMatchObject({ ran: true })
      expect(poll.data.stats.seen).toBe(2)
      expect(sandbox.requests().filter((r) => r.route.startsWith("GET /v2/orders")).every((r) => r.status === 200)).toBe(true)

      const events = await api.get("/admin/kaspi/events?account_id=default", admin)
      expect(events.data.events.map((e: { type: string }) => e.type)).toContain("token_stored")
      expect(JSON.stringify(events.data)).not.toContain(TOKEN)

      const cleared = await api.delete("/admin/kaspi/accounts/default/token", admin)
      expect(cleared.data.account).toMatchObject({ hasToken: false, tokenSource: "none" })
      expect(await rawRows()).toHaveLength(0)
      const after = await api.post("/admin/kaspi/accounts/default/test-connection", {}, admin)
      expect(after.data.connection).toMatchObject({ ok: false, kind: "not_configured" })
    })

    it("refuses a token Kaspi rejects and stores nothing", async () => {
      const wrong = await api.post("/admin/kaspi/accounts/default/token", { token: "not-the-right-token-123" }, { ...admin, ...noThrow })
      expect(wrong.status).toBe(400)
      expect(wrong.data).toMatchObject({ saved: false, message: expect.stringMatching(/^Kaspi rejected this token/), connection: { ok: false, kind: "unauthorized" } })
      expect(JSON.stringify(wrong.data)).not.toContain("not-the-right-token-123")
      expect(await rawRows()).toHaveLength(0)
    })

    it("stores an unchecked token when Kaspi cannot be asked, and says so", async () => {
      sandbox.setFaults({ rate: 1, kinds: ["5xx"] })
      const res = await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN }, admin)
      expect(res.data).toMatchObject({ saved: true, connection: { ok: false, kind: "server_error" } })
      expect(await rawRows()).toHaveLength(1)
      await api.delete("/admin/kaspi/accounts/default/token", admin)
    })

    it("validates the body and answers 401 without a session and 404 for an unknown account", async () => {
      const empty = await api.post("/admin/kaspi/accounts/default/token", { token: "" }, { ...admin, ...noThrow })
      expect(empty.status).toBe(400)
      const extra = await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN, show: true }, { ...admin, ...noThrow })
      expect(extra.status).toBe(400)
      expect(JSON.stringify(extra.data)).not.toContain(TOKEN)
      for (const method of ["post", "delete"] as const) {
        const res = await api.request({ method, url: "/admin/kaspi/accounts/default/token", data: { token: TOKEN }, ...noThrow })
        expect(res.status).toBe(401)
      }
      const unknown = await api.post("/admin/kaspi/accounts/nope/token", { token: TOKEN }, { ...admin, ...noThrow })
      expect(unknown.status).toBe(404)
      expect(await rawRows()).toHaveLength(0)
    })

    it("actions given up while the shop had no working token are sent again when a new token is saved (issue #13)", async () => {
      const container = getContainer()
      expect((await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN }, admin)).data.saved).toBe(true)
      const { kaspi } = await prepareKaspiShop(container, sandbox, "default", [{ sku: "CASE-1", title: "Чехол", price: 3500, stock: 10 }])
      const o = sandbox.addOrder({ entries: [{ sku: "CASE-1", quantity: 1, basePrice: 3500 }], storeId: "PP1", status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
      const now = sandbox.now()
      await syncKaspiOrders(container, { accountId: "default", from: now - 13 * 24 * 3600 * 1000, to: now, states: ALL_ORDER_STATES })
      const [row] = await kaspi.listKaspiOrders({ code: o.code })

      // The token is removed (revoked in the cabinet, say): the accept cannot reach Kaspi and is given up.
      await api.delete("/admin/kaspi/accounts/default/token", admin)
      const accept = await api.post(`/admin/kaspi/orders/${row.id}/actions`, { action: "accept" }, { ...admin, ...noThrow })
      expect(accept.data.action).toMatchObject({ status: "failed", error_kind: "not_configured" })

      // A new token is saved: the given-up accept goes to Kaspi once, on the same row.
      await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN }, admin)
      expect((await kaspi.listKaspiActions({ id: accept.data.action.id }))[0].status).toBe("pending")
      expect(await drainKaspiOutbox(container)).toMatchObject({ sent: 1 })
      expect(sandbox.actions().filter((a) => a.code === o.code && a.action === "ACCEPTED_BY_MERCHANT" && a.result === "ok")).toHaveLength(1)
      const history = await kaspi.listKaspiEvents({ kaspi_order_id: row.id, type: "action.accept" })
      expect(history.map((e) => (e.data as { params?: { why?: string } }).params?.why)).toContain("token")
      await api.delete("/admin/kaspi/accounts/default/token", admin)
    })

    it("never printed the token in any log line during the suite", () => {
      expect(output.text().length).toBeGreaterThan(0)
      expect(output.text()).not.toContain(TOKEN)
    })
  },
})
