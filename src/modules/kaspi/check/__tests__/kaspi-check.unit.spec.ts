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
    expect(r.probes.filter((p) => p.status === "skipped")).toHaveLength(8)
  })
})

describe("the probes against the sandbox (real HTTP)", () => {
  let sandbox: KaspiSandbox
  beforeAll(async () => {
    sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 11 })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  const check = async (options = {}) => {
    const log = new CheckRequestLog()
    const client = new KaspiClient({
      baseUrl: sandbox.baseUrl,
      token: new SecretToken(TOKEN),
      merchantId: sandbox.merchantIds[0],
      userAgent: "medusa-plugin-kaspi-tests/1.0",
      minRequestIntervalMs: 0,
      ...checkClientOverrides(1000, log),
    })
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
    // token + 6 states + window + entries + by code: one request per probe, no retries.
    expect(lists).toHaveLength(10)
    for (const q of lists) {
      const params = new URLSearchParams(q.query)
      expect(params.get("page[number]")).toBe("0")
      expect(params.get("page[size]")).toBe("1")
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
