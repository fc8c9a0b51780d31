// Auth, the missing-Accept quirk and the WAF User-Agent quirk, over real HTTP.

import type { KaspiSandbox } from "../index"
import { TOKEN, UA, control, kaspi, rawRequest, start } from "./helpers"

describe("auth and Kaspi quirks", () => {
  let sb: KaspiSandbox
  beforeAll(async () => {
    sb = await start({ tokens: [TOKEN, "second-secret"], wafHangMs: 300 })
  })
  afterAll(() => sb.close())

  it("answers 401 with a JSON:API error without X-Auth-Token", async () => {
    const r = await kaspi(sb, "/v2/cities", { token: null })
    expect(r.status).toBe(401)
    expect(r.headers.get("content-type")).toBe("application/vnd.api+json")
    expect(r.json.errors[0].title).toBe("X-Auth-Token header is required")
  })

  it("answers 401 for an unknown token and does not echo it", async () => {
    const r = await kaspi(sb, "/v2/cities", { token: "wrong-token-value" })
    expect(r.status).toBe(401)
    expect(r.json.errors[0].title).toBe("Invalid X-Auth-Token")
    expect(r.text).not.toContain("wrong-token-value")
  })

  it("accepts every configured token", async () => {
    expect((await kaspi(sb, "/v2/cities")).status).toBe(200)
    expect((await kaspi(sb, "/v2/cities", { token: "second-secret" })).status).toBe(200)
  })

  it("answers 404 with an HTML page when Accept is missing", async () => {
    const r = await rawRequest(`${sb.baseUrl}/v2/cities`, { "User-Agent": UA, "X-Auth-Token": TOKEN })
    expect(r.status).toBe(404)
    expect(r.contentType).toMatch(/^text\/html/)
    expect(r.body).toMatch(/^<!DOCTYPE html>/)
    expect(() => JSON.parse(r.body ?? "")).toThrow()
  })

  it("hangs and then drops a request without User-Agent (no response at all)", async () => {
    const r = await rawRequest(`${sb.baseUrl}/v2/cities`, { Accept: "application/vnd.api+json", "X-Auth-Token": TOKEN })
    expect(r.status).toBeUndefined()
    expect(r.error).toBe("ECONNRESET")
    expect(r.elapsedMs).toBeGreaterThanOrEqual(250)
  })

  it("drops library-default User-Agents (curl, axios, python-requests, httpx, Go, undici)", async () => {
    const agents = ["curl/8.5.0", "axios/1.7.2", "python-requests/2.32.3", "python-httpx/0.27.0", "Go-http-client/1.1", "undici"]
    const results = await Promise.all(
      agents.map((ua) => rawRequest(`${sb.baseUrl}/v2/cities`, { Accept: "application/json", "X-Auth-Token": TOKEN, "User-Agent": ua }))
    )
    expect(results.map((r) => [r.status, r.error])).toEqual(agents.map(() => [undefined, "ECONNRESET"]))
  })

  it("drops Node's fetch default User-Agent", async () => {
    await expect(fetch(`${sb.baseUrl}/v2/cities`, { headers: { Accept: "application/json", "X-Auth-Token": TOKEN } })).rejects.toThrow()
    const blocked = sb.requests().filter((r) => r.blocked === "waf")
    expect(blocked.length).toBeGreaterThan(0)
    expect(blocked.every((r) => r.status === 0)).toBe(true)
  })

  it("lets a browser-like User-Agent through", async () => {
    const r = await rawRequest(`${sb.baseUrl}/v2/cities`, { Accept: "application/json", "X-Auth-Token": TOKEN, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)" })
    expect(r.status).toBe(200)
  })

  it("answers unknown API paths with a JSON 404 and other paths with HTML", async () => {
    const r = await kaspi(sb, "/v2/offers")
    expect(r.status).toBe(404)
    expect(r.json.errors[0].title).toBe("Resource not found")
    const other = await rawRequest(`${sb.origin}/somewhere`, { "User-Agent": UA, Accept: "*/*" })
    expect(other.status).toBe(404)
    expect(other.contentType).toMatch(/text\/html/)
  })

  it("answers 405 for a wrong method on a known path", async () => {
    const r = await kaspi(sb, "/v2/cities", { method: "DELETE" })
    expect(r.status).toBe(405)
  })

  it("serves the control API without token or custom User-Agent", async () => {
    const r = await control(sb, "GET", "/health")
    expect(r.status).toBe(200)
    expect(r.json.ok).toBe(true)
    expect(r.json.merchants).toEqual(["30123456", "30123457"])
  })

  it("never returns token values from the control API", async () => {
    await kaspi(sb, "/v2/cities")
    await kaspi(sb, "/v2/orders", { body: { data: { type: "orders", id: "x", attributes: { status: "ACCEPTED_BY_MERCHANT" } } } })
    for (const p of ["/health", "/requests", "/actions", "/faults", "/orders"]) {
      const r = await control(sb, "GET", p)
      const text = JSON.stringify(r.json)
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain("second-secret")
    }
  })
})

describe("rejectDefaultUserAgent: false", () => {
  it("lets default User-Agents through", async () => {
    const sb = await start({ rejectDefaultUserAgent: false })
    try {
      const r = await fetch(`${sb.baseUrl}/v2/cities`, { headers: { Accept: "application/json", "X-Auth-Token": TOKEN } })
      expect(r.status).toBe(200)
    } finally {
      await sb.close()
    }
  })
})

describe("default WAF hang", () => {
  it("hangs about a second before dropping", async () => {
    const sb = await start()
    try {
      const r = await rawRequest(`${sb.baseUrl}/v2/cities`, { Accept: "application/json", "X-Auth-Token": TOKEN })
      expect(r.error).toBe("ECONNRESET")
      expect(r.elapsedMs).toBeGreaterThanOrEqual(900)
      expect(r.elapsedMs).toBeLessThan(3000)
    } finally {
      await sb.close()
    }
  })
})
