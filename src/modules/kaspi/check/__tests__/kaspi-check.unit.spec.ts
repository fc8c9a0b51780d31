import { startKaspiSandbox } from "../../../../../sandbox"
import type { KaspiSandbox } from "../../../../../sandbox/types"
import { KaspiApiError } from "../../client/errors"
import { KaspiClient } from "../../client/kaspi-client"
import { SecretToken } from "../../secret"
import { CheckRequestLog, checkClientOverrides, type CheckRequest } from "../check-client"
import { hintKeyForError, kaspiSaysForError } from "../hints"
import { runKaspiProbes, unconfiguredCheck } from "../run-kaspi-check"
import { clockProbe, clockSkewMs, latencyProbe, median, reachabilityProbe, summarise } from "../summarise"
import type { KaspiCheckProbe, KaspiCheckResult } from "../types"

const TOKEN = "SENTINEL-check-token-must-never-leak-0000"
const err = (init: ConstructorParameters<typeof KaspiApiError>[0]) => new KaspiApiError({ method: "GET", path: "/v2/orders", ...init })
const req = (over: Partial<CheckRequest> = {}): CheckRequest => ({ method: "GET", path: "/v2/orders", status: 200, ms: 100, attempt: 1, at: 0, ...over })
const probe = (r: KaspiCheckResult, id: string) => r.probes.find((p) => p.id === id) as KaspiCheckProbe

describe("hint choice", () => {
  it.each([
    [{ kind: "timeout", detail: "no answer within 10000 ms" }, "geo_waf"],
    [{ kind: "network", detail: "ECONNREFUSED" }, "network"],
    [{ kind: "not_found", status: 404, html: true }, "html_404"],
    [{ kind: "not_found", status: 404, kaspiErrors: ["Resource not found"] }, "refused_form"],
    [{ kind: "invalid_response", status: 200, detail: "Kaspi sent an HTML page where JSON was expected" }, "html_page"],
    [{ kind: "invalid_response", detail: "data.0.attributes.code: expected string" }, "unreadable"],
    [{ kind: "unauthorized", status: 401, kaspiErrors: ["Invalid X-Auth-Token"] }, "token_rejected"],
    [{ kind: "forbidden", status: 403 }, "token_rejected"],
    [{ kind: "server_error", status: 502, html: true }, "server_error"],
    [{ kind: "rate_limited", status: 429 }, "rate_limited"],
    [{ kind: "bad_request", status: 400, kaspiErrors: ["filter[orders][state]: unknown value"] }, "refused_form"],
    [{ kind: "not_configured" }, "not_configured"],
  ] as const)("%j → %s", (init, key) => {
    expect(hintKeyForError(err(init as never))).toBe(key)
  })

  it("anything that is not a Kaspi answer is the plugin's own fault", () => {
    expect(hintKeyForError(new RangeError("pageSize must be 1..100"))).toBe("plugin_error")
  })

  it("keeps Kaspi's words: the status and errors[].title/detail, or its silence", () => {
    expect(kaspiSaysForError(err({ kind: "unauthorized", status: 401, kaspiErrors: ["Invalid X-Auth-Token"] }))).toBe("HTTP 401: Invalid X-Auth-Token")
    expect(kaspiSaysForError(err({ kind: "timeout", detail: "no answer within 2000 ms" }))).toBe("no answer within 2000 ms")
    expect(kaspiSaysForError(err({ kind: "not_configured" }))).toBeUndefined()
  })
})

describe("summarising probes", () => {
  it("median of odd and even counts", () => {
    expect(median([])).toBe(0)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(3)
  })

  it("clock: Kaspi's whole-second Date against the middle of the request", () => {
    const at = Date.parse("2026-12-01T10:00:00.700Z")
    expect(clockSkewMs({ date: "Tue, 01 Dec 2026 10:00:00 GMT", at, ms: 200 })).toBe(100)
    expect(clockSkewMs({ date: "not a date", at, ms: 200 })).toBeNull()
    const held = clockProbe([req({ date: "Tue, 01 Dec 2026 10:00:00 GMT", at, ms: 200 })], 300_000)
    expect(held).toMatchObject({ status: "held", detail: { skew_ms: 100 } })
    // The server ten minutes ahead: polling windows would be off.
    const off = clockProbe([req({ date: "Tue, 01 Dec 2026 10:00:00 GMT", at: at + 600_000 })], 300_000)
    expect(off).toMatchObject({ status: "failed", hint_key: "clock_skew", detail: { server_ahead: true } })
    expect(clockProbe([req()], 300_000)).toMatchObject({ status: "skipped", hint_key: "no_date" })
    expect(clockProbe([req({ status: undefined })], 300_000)).toMatchObject({ status: "skipped" })
  })

  it("latency: median and slowest of the answered requests, failed above the limit", () => {
    const fast = latencyProbe([req({ ms: 100 }), req({ ms: 300 }), req({ ms: 200 }), req({ status: undefined, ms: 9000 })], 5000)
    expect(fast).toMatchObject({ status: "held", detail: { median_ms: 200, max_ms: 300, requests: 3 } })
    expect(latencyProbe([req({ ms: 6000 }), req({ ms: 7000 })], 5000)).toMatchObject({ status: "failed", hint_key: "slow" })
  })

  it("reachability: a hang or an HTML page on any request fails it; answers hold it", () => {
    const ok = { label: "token", ms: 20, requests: [req({ status: 401 })] }
    expect(reachabilityProbe([ok])).toMatchObject({ status: "held", kaspi_says: "HTTP 401" })
    const hang = { label: "cities", ms: 2000, requests: [req({ status: undefined })], error: err({ kind: "timeout", detail: "no answer within 2000 ms" }) }
    expect(reachabilityProbe([ok, hang])).toMatchObject({ status: "failed", hint_key: "geo_waf", kaspi_says: "cities: no answer within 2000 ms" })
    expect(reachabilityProbe([])).toMatchObject({ status: "skipped" })
  })

  it("the result lists probes in a fixed order and is ok only when all held", () => {
    const r = summarise("default", new Date(0), [
      { id: "latency", status: "held" },
      { id: "token", status: "held" },
    ])
    expect(r.probes.map((p) => p.id)).toEqual(["token", "latency"])
    expect(r.ok).toBe(true)
    expect(summarise("default", new Date(0), [{ id: "token", status: "held" }, { id: "clock", status: "skipped" }]).ok).toBe(false)
  })

  it("without a token: the token probe fails with the not-configured hint, the rest is skipped", () => {
    const r = unconfiguredCheck("default", err({ kind: "not_configured", detail: 'Kaspi account "default" has no API token' }))
    expect(probe(r, "token")).toMatchObject({ status: "failed", hint_key: "not_configured", detail: { reason: 'Kaspi account "default" has no API token' } })
    expect(r.probes.filter((p) => p.status === "skipped")).toHaveLength(9)
    expect(probe(r, "archive_status")).toMatchObject({ status: "skipped", hint_key: "skipped", detail: { reason: "token" } })
  })
})

describe("the probes against the sandbox (real HTTP)", () => {
  let sandbox: KaspiSandbox
  beforeAll(async () => {
    sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 11 })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  const DAY = 24 * 3600 * 1000
  /** `tweak` stands in for a Kaspi that behaves otherwise than the sandbox (which honours every documented filter). */
  const check = async (options = {}, tweak?: (client: KaspiClient) => void, token = TOKEN) => {
    const log = new CheckRequestLog()
    const client = new KaspiClient({
      baseUrl: sandbox.baseUrl,
      token: new SecretToken(token),
      merchantId: sandbox.merchantIds[0],
      userAgent: "medusa-plugin-kaspi-tests/1.0",
      minRequestIntervalMs: 0,
      ...checkClientOverrides(1000, log),
    })
    tweak?.(client)
    try {
      return await runKaspiProbes({ accountId: "default", client, log, options, secrets: [TOKEN] })
    } finally {
      await client.close()
    }
  }

  it("every probe holds, with only documented request forms, and reads an order it saw back by code", async () => {
    const [order] = sandbox.seedOrders({ count: 6, seed: 3 })
    const r = await check()
    expect(r.probes.map((p) => [p.id, p.status])).toEqual([
      ["reachability", "held"],
      ["token", "held"],
      ["states", "held"],
      ["window", "held"],
      ["archive_status", "held"],
      ["entries", "held"],
      ["by_code", "held"],
      ["cities", "held"],
      ["clock", "held"],
      ["latency", "held"],
    ])
    expect(r.ok).toBe(true)
    expect(probe(r, "by_code").detail).toMatchObject({ known: true })
    expect(order.code).toMatch(/^\d+$/)
    const lists = sandbox.requests().filter((q) => q.route === "GET /v2/orders")
    // token + 6 states + window + archive by status + entries + by code: one request per probe, no retries.
    expect(lists).toHaveLength(11)
    for (const q of lists) {
      const params = new URLSearchParams(q.query)
      expect(params.get("page[number]")).toBe("0")
      expect(params.get("page[size]")).toBe(params.has("filter[orders][status]") ? "5" : "1")
      if (params.has("filter[orders][code]")) continue
      expect(params.get("filter[orders][state]")).toMatch(/^[A-Z_]+$/)
      const span = Number(params.get("filter[orders][creationDate][$le]")) - Number(params.get("filter[orders][creationDate][$ge]"))
      expect(span).toBeLessThan(14 * 24 * 3600 * 1000)
    }
    expect(new Set(lists.map((q) => new URLSearchParams(q.query).get("filter[orders][state]")))).toEqual(
      new Set(["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE", null])
    )
    expect(JSON.stringify(r)).not.toContain(TOKEN)
  })

  it("with no orders at all, looks up a code that exists nowhere and holds on the empty answer", async () => {
    const r = await check()
    expect(probe(r, "by_code")).toMatchObject({ status: "held", detail: { code: "000000000", known: false } })
    // Nothing cancelled to compare: held, and the detail says why it proves little.
    expect(probe(r, "archive_status")).toMatchObject({
      status: "held",
      detail: { sample: 0, total_count: 0, note: "no cancelled order in the window to compare" },
    })
  })

  describe("archive_status: the archive read by status, as the poll reads it", () => {
    const archived = () => {
      const now = sandbox.now()
      sandbox.addOrder({ status: "CANCELLED", creationDate: now - 2 * DAY })
      sandbox.addOrder({ status: "CANCELLED", creationDate: now - 3 * DAY })
      sandbox.addOrder({ status: "COMPLETED", creationDate: now - 4 * DAY })
    }
    const statusReads = () =>
      sandbox
        .requests()
        .filter((q) => q.route === "GET /v2/orders")
        .map((q) => new URLSearchParams(q.query))
        .filter((q) => q.has("filter[orders][status]"))

    it("holds when every order Kaspi sends back is CANCELLED, in one ARCHIVE request over the window probe's window", async () => {
      archived()
      const r = await check()
      expect(probe(r, "archive_status")).toMatchObject({
        status: "held",
        kaspi_says: "HTTP 200, totalCount 2",
        detail: { state: "ARCHIVE", status: "CANCELLED", sample: 2, total_count: 2, archive_total_count: 3 },
      })
      expect(probe(r, "archive_status").detail).not.toHaveProperty("other_statuses")
      const [q, ...more] = statusReads()
      expect(more).toHaveLength(0)
      expect(q.get("filter[orders][state]")).toBe("ARCHIVE")
      expect(q.get("filter[orders][status]")).toBe("CANCELLED")
      const window = probe(r, "window").detail as { from: string; to: string }
      expect(Number(q.get("filter[orders][creationDate][$ge]"))).toBe(Date.parse(window.from))
      expect(Number(q.get("filter[orders][creationDate][$le]"))).toBe(Date.parse(window.to))
      expect(sandbox.actions()).toHaveLength(0)
    })

    it("fails with status_filter_ignored when Kaspi answers with another status (the filter dropped on the way)", async () => {
      archived()
      // A Kaspi that ignores the filter answers as if it had not been sent.
      const r = await check({}, (client) => {
        const list = client.listOrders.bind(client)
        client.listOrders = (q) => list({ ...q, status: undefined })
      })
      const p = probe(r, "archive_status")
      expect(p).toMatchObject({
        status: "failed",
        hint_key: "status_filter_ignored",
        kaspi_says: "HTTP 200, totalCount 3, an order in status COMPLETED",
        detail: { sample: 3, total_count: 3, archive_total_count: 3, other_statuses: ["COMPLETED"], same_total_as_unfiltered: true },
      })
      expect(p.hint).toMatch(/whole archive/)
      expect(p.hint).toContain('orders.archiveRead: "all"')
      expect(r.ok).toBe(false)
      expect(r.probes.filter((x) => x.status === "failed").map((x) => x.id)).toEqual(["archive_status"])
    })

    it("fails with the usual hint when Kaspi refuses the filter", async () => {
      const r = await check({}, (client) => {
        const list = client.listOrders.bind(client)
        client.listOrders = (q) =>
          q.status ? Promise.reject(err({ kind: "bad_request", status: 400, kaspiErrors: ["filter[orders][status]: not allowed here"] })) : list(q)
      })
      expect(probe(r, "archive_status")).toMatchObject({
        status: "failed",
        hint_key: "refused_form",
        kaspi_says: "HTTP 400: filter[orders][status]: not allowed here",
        detail: { state: "ARCHIVE", status: "CANCELLED" },
      })
    })

    it("is skipped when Kaspi refuses the token, and not asked for", async () => {
      const r = await check({}, undefined, "a-token-kaspi-does-not-know")
      expect(probe(r, "token")).toMatchObject({ status: "failed", hint_key: "token_rejected" })
      expect(probe(r, "archive_status")).toMatchObject({ status: "skipped", detail: { reason: "token" } })
      expect(statusReads()).toHaveLength(0)
    })
  })

  it("a later request that hangs fails its probe and reachability, and nothing is retried", async () => {
    sandbox.setFaults({ rate: 1, kinds: ["timeout"], routes: ["/v2/cities"] })
    const r = await check()
    expect(probe(r, "cities")).toMatchObject({ status: "failed", hint_key: "geo_waf" })
    expect(probe(r, "reachability")).toMatchObject({ status: "failed", hint_key: "geo_waf", detail: { request: "cities" } })
    expect(probe(r, "states").status).toBe("held")
    expect(sandbox.requests().filter((q) => q.route.includes("cities"))).toHaveLength(1)
  })

  it("a slow Kaspi fails the latency probe", async () => {
    sandbox.setFaults({ rate: 1, kinds: ["latency"], latencyMs: 120 })
    const r = await check({ latencyLimitMs: 50 })
    expect(probe(r, "latency")).toMatchObject({ status: "failed", hint_key: "slow" })
    expect((probe(r, "latency").detail as { median_ms: number }).median_ms).toBeGreaterThanOrEqual(100)
    expect(probe(r, "token").status).toBe("held")
  })
})
