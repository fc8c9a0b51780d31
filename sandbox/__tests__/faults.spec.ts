// Fault injection: each kind, writes under faults, rate 1 → 0, route filters, determinism.

import type { FaultKind, KaspiSandbox } from "../index"
import { TOKEN, UA, control, kaspi, postStatus, sleep, start } from "./helpers"

const LATENCY = 200

describe("faults", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start()
  })
  afterAll(() => sb.close())
  beforeEach(() => sb.reset())

  const only = (kind: FaultKind, extra: Record<string, unknown> = {}) => sb.setFaults({ rate: 1, kinds: [kind], latencyMs: LATENCY, ...extra })

  it("5xx: 500 JSON or 502/503 HTML", async () => {
    only("5xx")
    const statuses = new Set<number>()
    for (let i = 0; i < 12; i++) {
      const r = await kaspi(sb, "/v2/cities")
      statuses.add(r.status)
      if (r.status === 500) expect(r.json.errors[0].title).toBe("Internal Server Error")
      else expect(r.headers.get("content-type")).toMatch(/text\/html/)
    }
    expect([...statuses].every((s) => [500, 502, 503].includes(s))).toBe(true)
    expect(statuses.size).toBeGreaterThan(1)
    expect(sb.requests().every((r) => r.fault === "5xx")).toBe(true)
  })

  it("429 with Retry-After: 1", async () => {
    only("429")
    const r = await kaspi(sb, "/v2/cities")
    expect(r.status).toBe(429)
    expect(r.headers.get("retry-after")).toBe("1")
  })

  it("html404: a 404 HTML page", async () => {
    only("html404")
    const r = await kaspi(sb, "/v2/cities")
    expect(r.status).toBe(404)
    expect(r.headers.get("content-type")).toMatch(/text\/html/)
    expect(r.json).toBeUndefined()
  })

  it("malformed: 200 with a body that is not JSON", async () => {
    only("malformed")
    const r = await kaspi(sb, "/v2/cities")
    expect(r.status).toBe(200)
    expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
    expect(() => JSON.parse(r.text)).toThrow()
  })

  it("timeout: no answer until the client gives up", async () => {
    only("timeout")
    const started = Date.now()
    await expect(kaspi(sb, "/v2/cities", { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(sb.requests()[0]).toMatchObject({ fault: "timeout", status: 0 })
  })

  it("latency: the right answer, late", async () => {
    only("latency")
    const started = Date.now()
    const r = await kaspi(sb, "/v2/cities")
    expect(Date.now() - started).toBeGreaterThanOrEqual(LATENCY - 10)
    expect(r.status).toBe(200)
    expect(r.json.data.length).toBeGreaterThan(0)
  })

  it("a faulted write changes nothing and is recorded as a fault", async () => {
    const o = sb.addOrder({})
    for (const kind of ["5xx", "429", "html404", "malformed"] as const) {
      only(kind)
      await postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT")
    }
    expect(sb.getOrder(o.code)?.status).toBe("APPROVED_BY_BANK")
    expect(sb.actions().map((a) => [a.action, a.result, a.fault, a.code])).toEqual([
      ["ACCEPTED_BY_MERCHANT", "fault", "5xx", o.code],
      ["ACCEPTED_BY_MERCHANT", "fault", "429", o.code],
      ["ACCEPTED_BY_MERCHANT", "fault", "html404", o.code],
      ["ACCEPTED_BY_MERCHANT", "fault", "malformed", o.code],
    ])
  })

  it("a write under latency applies even when the client gave up", async () => {
    const o = sb.addOrder({})
    only("latency")
    await expect(postStatus(sb, o.id, o.code, "ACCEPTED_BY_MERCHANT", {}, {})).resolves.toMatchObject({ status: 200 })
    expect(sb.getOrder(o.code)?.status).toBe("ACCEPTED_BY_MERCHANT")

    const p = sb.addOrder({})
    await expect(
      fetch(`${sb.baseUrl}/v2/orders`, {
        method: "POST",
        headers: { "X-Auth-Token": TOKEN, Accept: "application/vnd.api+json", "Content-Type": "application/vnd.api+json", "User-Agent": UA },
        body: JSON.stringify({ data: { type: "orders", id: p.id, attributes: { code: p.code, status: "ACCEPTED_BY_MERCHANT" } } }),
        signal: AbortSignal.timeout(50),
      })
    ).rejects.toThrow()
    expect(sb.getOrder(p.code)?.status).toBe("APPROVED_BY_BANK")
    await sleep(LATENCY + 50)
    expect(sb.getOrder(p.code)?.status).toBe("ACCEPTED_BY_MERCHANT")
    const acts = sb.actions().filter((a) => a.code === p.code)
    expect(acts).toEqual([expect.objectContaining({ action: "ACCEPTED_BY_MERCHANT", result: "ok", fault: "latency" })])
  })

  it("rate 1 then rate 0: Kaspi down for a while, then back", async () => {
    sb.setFaults({ rate: 1, kinds: ["5xx", "429"] })
    for (let i = 0; i < 5; i++) expect([429, 500, 502, 503]).toContain((await kaspi(sb, "/v2/cities")).status)
    sb.setFaults({ rate: 0, kinds: [] })
    for (let i = 0; i < 5; i++) expect((await kaspi(sb, "/v2/cities")).status).toBe(200)
  })

  it("routes restricts faults to path prefixes", async () => {
    sb.setFaults({ rate: 1, kinds: ["5xx"], routes: ["/v2/cities"] })
    expect((await kaspi(sb, "/v2/cities")).status).toBeGreaterThanOrEqual(500)
    expect((await kaspi(sb, "/v2/orders?filter[orders][code]=1")).status).toBe(200)
    sb.setFaults({ rate: 1, kinds: ["5xx"], routes: ["/shop/api/v2/orders"] })
    expect((await kaspi(sb, "/v2/cities")).status).toBe(200)
  })

  it("never faults the control API", async () => {
    sb.setFaults({ rate: 1, kinds: ["5xx", "timeout", "malformed"] })
    for (let i = 0; i < 5; i++) expect((await control(sb, "GET", "/health")).status).toBe(200)
  })

  it("partial rates are deterministic for a seed", async () => {
    const pattern = async (seed: number) => {
      const s = await start({ seed })
      try {
        s.setFaults({ rate: 0.5, kinds: ["5xx", "429"] })
        const out: number[] = []
        for (let i = 0; i < 16; i++) out.push((await kaspi(s, "/v2/cities")).status)
        return out
      } finally {
        await s.close()
      }
    }
    const a = await pattern(7)
    const b = await pattern(7)
    expect(a).toEqual(b)
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(2)
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(2)
  })

  it("validates fault configs", async () => {
    expect(() => sb.setFaults({ rate: 2, kinds: ["5xx"] })).toThrow(/rate/)
    expect(() => sb.setFaults({ rate: 1, kinds: ["boom" as FaultKind] })).toThrow(/unknown fault kind/)
    const r = await control(sb, "POST", "/faults", { rate: 0.5, kinds: [] })
    expect(r.status).toBe(400)
    const ok = await control(sb, "POST", "/faults", { rate: 0.25, kinds: ["latency"], latencyMs: 10 })
    expect(ok.json).toEqual({ rate: 0.25, kinds: ["latency"], latencyMs: 10 })
    expect((await control(sb, "GET", "/faults")).json).toEqual(ok.json)
  })
})

describe("close()", () => {
  it("ends hung requests (timeout fault and WAF) promptly", async () => {
    const sb = await start({ wafHangMs: 60_000 })
    sb.setFaults({ rate: 1, kinds: ["timeout"] })
    const hung = kaspi(sb, "/v2/cities").catch((e: unknown) => e)
    const waf = fetch(`${sb.baseUrl}/v2/cities`, { headers: { Accept: "*/*" } }).catch((e: unknown) => e)
    await sleep(100)
    const started = Date.now()
    await sb.close()
    expect(Date.now() - started).toBeLessThan(1000)
    // fetch errors come from another realm in jest, so compare by message
    expect(String(await hung)).toMatch(/fetch failed/)
    expect(String(await waf)).toMatch(/fetch failed/)
  })
})
