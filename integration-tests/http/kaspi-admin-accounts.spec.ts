import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startKaspiSandbox } from "../../sandbox"
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

type Probe = { id: string; status: string; hint_key?: string; hint?: string; kaspi_says?: string; detail?: Record<string, unknown> }
type Check = { account_id: string; ran_at: string; ok: boolean; probes: Probe[] }

const statuses = (check: Check) => Object.fromEntries(check.probes.map((p) => [p.id, p.status]))
const probe = (check: Check, id: string) => check.probes.find((p) => p.id === id)!
const AFTER_TOKEN = ["states", "window", "archive_status", "entries", "by_code", "cities"]

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

    describe("the Kaspi check (read-only probes of the real Kaspi's request forms)", () => {
      const url = "/admin/kaspi/accounts/default/check"
      const run = async (body: Record<string, unknown> = {}): Promise<Check> => {
        const res = await api.post(url, body, admin)
        expect(res.status).toBe(200)
        expect(JSON.stringify(res.data)).not.toContain(SENTINEL)
        return res.data.check
      }


      it("every probe holds against Kaspi (the sandbox), and the last run is stored and read back", async () => {
        expect((await api.get(url, admin)).data).toEqual({ check: null })
        sandbox.seedOrders({ count: 8, seed: 4 })

        const check = await run()
        expect(check).toMatchObject({ account_id: "default", ok: true })
        expect(Object.values(statuses(check)).every((s) => s === "held")).toBe(true)
        expect(check.probes.map((p) => p.id)).toEqual(["reachability", "token", "states", ...AFTER_TOKEN.slice(1), "clock", "latency"])
        expect(probe(check, "states").detail!.states).toHaveLength(6)
        expect(probe(check, "window").detail).toMatchObject({ state: "ARCHIVE", days: 13 })
        expect(probe(check, "by_code").detail).toMatchObject({ known: true })
        expect(probe(check, "archive_status").detail).toMatchObject({ state: "ARCHIVE", status: "CANCELLED" })
        // Read-only: not one write reached Kaspi.
        expect(sandbox.actions()).toHaveLength(0)

        const stored = await api.get(url, admin)
        expect(stored.data.check).toEqual(check)
        const rows = (
          await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("select * from kaspi_event where type = 'kaspi.check'")
        ).rows
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({ account_id: "default", result: "ok" })
        expect(JSON.stringify(rows)).not.toContain(SENTINEL)
      })

      it("a Kaspi that never answers (geo / WAF): reachability fails with the Kazakhstan hint, the rest is skipped", async () => {
        sandbox.setFaults({ rate: 1, kinds: ["timeout"] })
        const started = Date.now()
        const check = await run({ timeout_ms: 1000 })
        expect(Date.now() - started).toBeLessThan(10_000)
        expect(check.ok).toBe(false)
        expect(probe(check, "reachability")).toMatchObject({ status: "failed", hint_key: "geo_waf", kaspi_says: "no answer within 1000 ms" })
        expect(probe(check, "reachability").hint).toMatch(/Kazakhstan.*User-Agent.*proxyUrl/s)
        for (const id of ["token", ...AFTER_TOKEN, "clock", "latency"]) expect(probe(check, id).status).toBe("skipped")
        // One request, no retries: a hang must not take minutes.
        expect(sandbox.requests().filter((r) => r.route.startsWith("GET /v2/orders"))).toHaveLength(1)
        expect((await api.get(url, admin)).data.check).toEqual(check)
      })

      it("an HTML 404 instead of Kaspi's JSON: the Accept header / apiUrl hint", async () => {
        sandbox.setFaults({ rate: 1, kinds: ["html404"] })
        const check = await run()
        expect(probe(check, "reachability")).toMatchObject({ status: "failed", hint_key: "html_404" })
        expect(probe(check, "reachability").kaspi_says).toMatch(/^HTTP 404/)
        expect(probe(check, "reachability").hint).toMatch(/Accept header/)
        expect(probe(check, "token").status).toBe("skipped")
      })

      it("a slow Kaspi: the latency probe fails with its median, the others hold", async () => {
        sandbox.setFaults({ rate: 1, kinds: ["latency"], latencyMs: 250 })
        const check = await run({ latency_limit_ms: 100 })
        expect(probe(check, "latency")).toMatchObject({ status: "failed", hint_key: "slow" })
        expect(probe(check, "latency").detail!.median_ms as number).toBeGreaterThanOrEqual(240)
        expect(check.probes.filter((p) => p.status !== "held").map((p) => p.id)).toEqual(["latency"])
      })

      it("a token Kaspi refuses (401): the token probe fails with Kaspi's words and the regenerate hint", async () => {
        // Kaspi knowing another token than the store's: the sandbox restarted on the same address.
        const port = Number(new URL(sandbox.baseUrl).port)
        await sandbox.close()
        sandbox = await startKaspiSandbox({ port, tokens: ["a-token-kaspi-issued-later"] })
        try {
          const check = await run()
          expect(probe(check, "reachability")).toMatchObject({ status: "held", kaspi_says: "HTTP 401" })
          expect(probe(check, "token")).toMatchObject({ status: "failed", hint_key: "token_rejected", kaspi_says: "HTTP 401: Invalid X-Auth-Token" })
          expect(probe(check, "token").hint).toMatch(/Settings → API token/)
          for (const id of AFTER_TOKEN) expect(probe(check, id)).toMatchObject({ status: "skipped", detail: { reason: "token" } })
        } finally {
          await sandbox.close()
          sandbox = await startKaspiSandbox({ port, tokens: [SENTINEL], waybillDelayMs: 100 })
        }
      })

      it("needs a session, a configured account and a valid body", async () => {
        expect((await api.post(url, {}, { validateStatus: () => true })).status).toBe(401)
        expect((await api.get(url, { validateStatus: () => true })).status).toBe(401)
        const missing = await api.post("/admin/kaspi/accounts/nope/check", {}, { ...admin, validateStatus: () => true })
        expect(missing.status).toBe(404)
        expect((await api.get("/admin/kaspi/accounts/nope/check", { ...admin, validateStatus: () => true })).status).toBe(404)
        for (const bad of [{ timeout_ms: 5 }, { latency_limit_ms: "fast" }, { token: SENTINEL }]) {
          const res = await api.post(url, bad, { ...admin, validateStatus: () => true })
          expect(res.status).toBe(400)
          expect(JSON.stringify(res.data)).not.toContain(SENTINEL)
        }
      })
    })

    it("never printed the token in any log line during the suite", () => {
      expect(output.text().length).toBeGreaterThan(0)
      expect(output.text()).not.toContain(SENTINEL)
    })
  },
})
