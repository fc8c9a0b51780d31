// The request log's measurement fields (responseBytes, userAgent): benches count what the plugin
// reads from "Kaspi" with them, so they must match the answer byte for byte and never change it.

import type { KaspiSandbox } from "../index"
import { DAY, UA, kaspi, listUrl, start } from "./helpers"

describe("request log measurements", () => {
  let sb: KaspiSandbox

  beforeAll(async () => {
    sb = await start()
    sb.seedOrders({ count: 30, seed: 7, mix: { statuses: { COMPLETED: 1 } } })
  })
  afterAll(() => sb.close())

  const finished = async (n: number) => {
    // res "finish" fires after the client has the body; give the event loop a turn.
    for (let i = 0; i < 50 && sb.requests().filter((r) => r.responseBytes !== undefined).length < n; i++) await new Promise((r) => setTimeout(r, 10))
    return sb.requests()
  }

  it("records the body bytes of each answer as the client received them, and the User-Agent", async () => {
    sb.reset()
    sb.seedOrders({ count: 30, seed: 7, mix: { statuses: { COMPLETED: 1 } } })
    const now = sb.now()
    const list = await kaspi(
      sb,
      listUrl({ "page[number]": 0, "page[size]": 100, "filter[orders][state]": "ARCHIVE", "filter[orders][creationDate][$ge]": now - 3 * DAY, "include[orders]": "entries" })
    )
    expect(list.status).toBe(200)
    const refused = await kaspi(sb, listUrl({ "page[number]": 0, "page[size]": 101, "filter[orders][state]": "ARCHIVE", "filter[orders][creationDate][$ge]": now - DAY }))
    expect(refused.status).toBe(400)
    const cabinet = await kaspi(sb, "/v2/cities", { headers: { "User-Agent": "bench-cabinet/1" } })
    const [r1, r2, r3] = await finished(3)
    expect(r1.responseBytes).toBe(Buffer.byteLength(list.text, "utf8"))
    expect(r1.responseBytes).toBeGreaterThan(1000)
    expect(r2.responseBytes).toBe(Buffer.byteLength(refused.text, "utf8"))
    expect(r3.responseBytes).toBe(Buffer.byteLength(cabinet.text, "utf8"))
    expect([r1.userAgent, r2.userAgent, r3.userAgent]).toEqual([UA, UA, "bench-cabinet/1"])
  })

  it("counts nothing for a request that got no answer (the WAF drops it)", async () => {
    sb.reset()
    await fetch(`${sb.baseUrl}/v2/cities`, { headers: { "User-Agent": "node", Accept: "application/vnd.api+json", "X-Auth-Token": "test-token" } }).catch(() => null)
    const [r] = sb.requests()
    expect(r.blocked).toBe("waf")
    expect(r.responseBytes ?? 0).toBe(0)
  })

  it("leaves the answer itself unchanged (same body with and without reading the log)", async () => {
    sb.reset()
    sb.seedOrders({ count: 5, seed: 9, from: 1_780_000_000_000, to: 1_780_000_000_000 + DAY })
    const [o] = sb.seedOrders({ count: 1, seed: 10, from: 1_780_000_000_000, to: 1_780_000_000_000 + DAY })
    const a = await kaspi(sb, `/v2/orders/${o.id}`)
    sb.requests()
    const b = await kaspi(sb, `/v2/orders/${o.id}`)
    expect(a.status).toBe(200)
    expect(b.text).toBe(a.text)
  })
})
