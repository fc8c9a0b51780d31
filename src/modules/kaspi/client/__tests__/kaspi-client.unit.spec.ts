import { startKaspiSandbox } from "../../../../../sandbox"
import type { KaspiSandbox } from "../../../../../sandbox/types"
import { SecretToken } from "../../secret"
import { KaspiApiError } from "../errors"
import { KaspiClient, type KaspiClientOptions } from "../kaspi-client"
import { DAY_MS } from "../date-windows"
import { failure } from "./failure"
import { sandboxClient } from "./test-client"

// Real HTTP against the project's Kaspi sandbox: no mocked fetch.
const TOKEN = "SENTINEL-client-token-must-never-leak-000000"
const OTHER_TOKEN = "other-shop-token"

let sandbox: KaspiSandbox
const logs: string[] = []
const requests: Array<{ method: string; path: string; status?: number; error?: string }> = []

function client(over: Partial<KaspiClientOptions> = {}): KaspiClient {
  return sandboxClient(sandbox, TOKEN, {
    logger: {
      debug: (m) => logs.push(m),
      info: (m) => logs.push(m),
      warn: (m) => logs.push(m),
      error: (m) => logs.push(m),
    },
    onRequest: (e) => requests.push(e),
    ...over,
  })
}


const errors: KaspiApiError[] = []
const recordFailure = async (p: Promise<unknown>) => {
  const e = await failure(p)
  errors.push(e)
  return e
}

let kaspi: KaspiClient

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN, OTHER_TOKEN], waybillDelayMs: 150, seed: 7 })
  kaspi = client()
})

afterAll(async () => {
  await kaspi?.close()
  await sandbox?.close()
})

beforeEach(() => {
  sandbox.reset()
  sandbox.setFaults({ rate: 0, kinds: [] })
  requests.length = 0
})

describe("reading orders", () => {
  it("lists one page with entries and paging metadata", async () => {
    const seeded = sandbox.seedOrders({ count: 12, seed: 1, mix: { statuses: { APPROVED_BY_BANK: 1 }, signatureRequired: 0 } })
    const now = sandbox.now()
    const page = await kaspi.listOrders({ state: "NEW", from: now - 3 * DAY_MS, to: now, include: ["entries"], pageSize: 5 })
    expect(page.invalid).toEqual([])
    expect(page.orders).toHaveLength(5)
    expect(page.totalCount).toBe(seeded.length)
    expect(page.pageCount).toBe(3)
    for (const order of page.orders) {
      expect(order.entries.length).toBeGreaterThan(0)
      expect(order.missingEntryIds).toEqual([])
      const sum = order.entries.reduce((s, e) => s + (e.attributes.totalPrice ?? 0), 0) + (order.attributes.deliveryCost ?? 0)
      expect(order.attributes.totalPrice).toBeCloseTo(sum, 2)
    }
  })

  it("walks a 40-day range state by state in overlapping 13-day windows and every page, each order at least once", async () => {
    const now = sandbox.now()
    const seeded = sandbox.seedOrders({ count: 57, seed: 3, from: now - 40 * DAY_MS, to: now })
    const seen: string[] = []
    const windows = new Set<string>()
    for (const state of ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"] as const) {
      for await (const page of kaspi.walkOrders({ state, from: now - 40 * DAY_MS, to: now, pageSize: 10, include: ["entries"] })) {
        expect(page.window.to - page.window.from).toBeLessThan(13 * DAY_MS)
        windows.add(`${page.window.from}`)
        seen.push(...page.orders.map((o) => o.code))
      }
    }
    expect(windows.size).toBe(4)
    expect([...new Set(seen)].sort()).toEqual(seeded.map((o) => o.code).sort())
    // every request was a valid Kaspi query, one state each: the sandbox answers 400 otherwise
    expect(requests.every((r) => r.status === 200)).toBe(true)
    const states = sandbox
      .requests()
      .filter((r) => r.route === "GET /v2/orders")
      .map((r) => new URLSearchParams(r.query).getAll("filter[orders][state]"))
    expect(states.length).toBeGreaterThanOrEqual(6 * 4)
    expect(states.every((s) => s.length === 1 && !s[0].includes(","))).toBe(true)
  })

  it("refuses several states in one request (API.md §f.3)", async () => {
    await expect(kaspi.listOrders({ state: ["NEW", "PICKUP"] as never, from: 0 })).rejects.toThrow(/exactly one state/)
  })

  it("finds an order by code outside the 14-day window, and answers null for an unknown code", async () => {
    const old = sandbox.addOrder({ creationDate: sandbox.now() - 60 * DAY_MS, status: "ACCEPTED_BY_MERCHANT" })
    const found = await kaspi.getOrderByCode(old.code)
    expect(found).toMatchObject({ id: old.id, code: old.code })
    expect(found?.entries).toHaveLength(old.entries.length)
    expect(await kaspi.getOrderByCode("999999999")).toBeNull()
  })

  it("reads an order's entries and the cities", async () => {
    const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP", storeId: "PP2" })
    const entries = await kaspi.getOrderEntries(o.id)
    expect(entries.map((e) => e.attributes.offer?.code)).toEqual(o.entries.map((e) => e.sku))
    expect(entries[0].attributes.quantity).toBe(o.entries[0].quantity)
    const cities = await kaspi.listCities()
    expect(cities.map((c) => c.attributes.code)).toContain("750000000")
  })

  it("keeps shops apart: another token sees none of these orders", async () => {
    const o = sandbox.addOrder({})
    const other = client({ token: new SecretToken(OTHER_TOKEN), merchantId: sandbox.merchantIds[1] })
    try {
      expect(await other.getOrderByCode(o.code)).toBeNull()
    } finally {
      await other.close()
    }
  })

  it("refuses to build a query Kaspi would reject", async () => {
    await expect(kaspi.listOrders({ state: "NEW", from: 0, to: 13 * DAY_MS })).rejects.toThrow(/at most 14 days/)
    await expect(kaspi.listOrders({ state: "NEW", from: 0, pageSize: 101 })).rejects.toThrow(/pageSize/)
  })
})

describe("status changes", () => {
  const ref = (o: { id: string; code: string }) => ({ id: o.id, code: o.code })

  it("accepts, and a repeated accept is recognisable as already done", async () => {
    const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_PICKUP" })
    const result = await kaspi.acceptOrder(ref(o))
    expect(result.status).toBe("ACCEPTED_BY_MERCHANT")
    expect(sandbox.getOrder(o.code)?.state).toBe("PICKUP")
    const again = await recordFailure(kaspi.acceptOrder(ref(o)))
    expect(again.kind).toBe("bad_request")
    expect(again.alreadyDone).toBe(true)
  })

  it("cancels with a reason and comment; refuses after ASSEMBLE", async () => {
    const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
    await kaspi.cancelOrder(ref(o), "MERCHANT_OUT_OF_STOCK", "нет в наличии")
    expect(sandbox.getOrder(o.code)).toMatchObject({ status: "CANCELLED", cancellationReason: "MERCHANT_OUT_OF_STOCK" })

    const k = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
    await kaspi.assembleOrder(ref(k), 1)
    const refused = await recordFailure(kaspi.cancelOrder(ref(k), "BUYER_CANCELLATION_BY_MERCHANT"))
    expect(refused).toMatchObject({ kind: "bad_request", status: 400 })
    expect(refused.kaspiErrors.join(" ")).toBeTruthy()
    expect(refused.alreadyDone).toBe(false)
    expect(sandbox.getOrder(k.code)?.status).toBe("ACCEPTED_BY_MERCHANT")
  })

  it("completes in two steps: code sent, wrong code refused with Kaspi's words, right code completes", async () => {
    const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", signatureRequired: false })
    await kaspi.sendCompletionCode(ref(o))
    const code = sandbox.getOrder(o.code)?.securityCode
    expect(code).toMatch(/^\d{4}$/)
    const wrong = await recordFailure(kaspi.completeOrder(ref(o), code === "0000" ? "1111" : "0000"))
    expect(wrong.kaspiErrors).toEqual(["Security code is not valid. And the order cannot be completed without it"])
    expect(wrong.message).toContain("Security code is not valid")
    const done = await kaspi.completeOrder(ref(o), code as string)
    expect(done.status).toBe("COMPLETED")
    const twice = await recordFailure(kaspi.completeOrder(ref(o), code as string))
    expect(twice.alreadyDone).toBe(true)
  })

  it("assembles a Kaspi Delivery order, waits for the waybill and downloads the PDF", async () => {
    const o = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
    await kaspi.assembleOrder(ref(o), 2)
    expect(sandbox.getOrder(o.code)).toMatchObject({ assembled: true, numberOfSpace: 2 })
    // Kaspi publishes the waybill a little after ASSEMBLE (API.md a.11): re-read the order by code until it is there.
    let url: string | null | undefined
    for (let i = 0; i < 20 && !url; i++) {
      url = (await kaspi.getOrderByCode(o.code, { includeEntries: false }))?.attributes.kaspiDelivery?.waybill
      if (!url) await new Promise((r) => setTimeout(r, 50))
    }
    expect(url).toMatch(/\/shop\/api\/waybill\//)
    const pdf = await kaspi.downloadWaybill(url as string)
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(pdf.toString("latin1")).toContain(o.code)
  })

  it("never sends the token to another host, even for a waybill URL", async () => {
    const e = await recordFailure(kaspi.downloadWaybill("http://127.0.0.2:1/shop/api/waybill/x"))
    expect(e.message).toMatch(/refusing to send the Kaspi token/)
  })

  it("marks a pre-order as arrived and returned goods as arrived back", async () => {
    const pre = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", preOrder: true, deliveryMode: "DELIVERY_PICKUP" })
    await kaspi.markArrived(ref(pre))
    expect(sandbox.getOrder(pre.code)?.arrived).toBe(true)

    const back = sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP" })
    sandbox.trigger(back.code, "buyer_cancel")
    expect(sandbox.getOrder(back.code)?.status).toBe("CANCELLING")
    await kaspi.markArrivedBackward(ref(back))
    expect(sandbox.getOrder(back.code)).toMatchObject({ status: "CANCELLED", returnedToWarehouse: true })
  })

  it("cancels part of an order per entry; Kaspi recalculates the total", async () => {
    const o = sandbox.addOrder({
      status: "ACCEPTED_BY_MERCHANT",
      deliveryMode: "DELIVERY_PICKUP",
      deliveryCost: 0,
      entries: [
        { sku: "A-1", quantity: 3, basePrice: 1000 },
        { sku: "B-2", quantity: 1, basePrice: 500 },
      ],
    })
    const [first, second] = await kaspi.getOrderEntries(o.id)
    const single = await kaspi.cancelOrderEntry({ entryId: first.id, remainedQuantity: 1, reason: "MERCHANT_OUT_OF_STOCK" })
    expect(single.status).toMatch(/^SUCCESSFULL?$/)
    expect(sandbox.getOrder(o.code)?.totalPrice).toBe(1500)
    const whole = await kaspi.cancelOrderEntry({ entryId: second.id, remainedQuantity: 0, reason: "BUYER_CANCELLATION_BY_MERCHANT", notes: "отказ" })
    expect(whole.status).toMatch(/^SUCCESSFULL?$/)
    expect(sandbox.getOrder(o.code)?.totalPrice).toBe(1000)
  })
})

describe("errors are typed and explained", () => {
  it("401: the token is invalid, and where to get a new one", async () => {
    const bad = client({ token: new SecretToken("revoked-token-value") })
    try {
      const e = await recordFailure(bad.getOrderByCode("1"))
      expect(e).toMatchObject({ kind: "unauthorized", status: 401, retryable: false })
      expect(e.message).toMatch(/Settings → API token/)
    } finally {
      await bad.close()
    }
  })

  it("404 for an unknown order id", async () => {
    const e = await recordFailure(kaspi.getOrderEntries("bm9wZQ"))
    expect(e).toMatchObject({ kind: "not_found", status: 404 })
  })

  it("400 with Kaspi's errors[] text", async () => {
    const o = sandbox.addOrder({ status: "APPROVED_BY_BANK", deliveryMode: "DELIVERY_REGIONAL_TODOOR", isKaspiDelivery: true })
    const e = await recordFailure(kaspi.cancelOrder({ id: o.id, code: o.code }, "BUYER_NOT_REACHABLE"))
    expect(e.kind).toBe("bad_request")
    expect(e.kaspiErrors.length).toBeGreaterThan(0)
  })

  it("5xx on a read is retried with backoff, then reported", async () => {
    sandbox.setFaults({ rate: 1, kinds: ["5xx"] })
    const e = await recordFailure(kaspi.getOrderByCode("1"))
    expect(e).toMatchObject({ kind: "server_error", retryable: true })
    expect(requests).toHaveLength(3)
  })

  it("a read that fails once succeeds on retry", async () => {
    const o = sandbox.addOrder({})
    sandbox.setFaults({ rate: 1, kinds: ["429"] })
    // Kaspi recovers right after the first refusal (decided by what the client saw, not by a timer)
    const recovering = client({
      onRequest: (e) => {
        requests.push(e)
        if (e.status === 429) sandbox.setFaults({ rate: 0, kinds: [] })
      },
    })
    try {
      // Retry-After: 1 is honoured (capped by maxDelayMs in this test)
      expect((await recovering.getOrderByCode(o.code))?.code).toBe(o.code)
      expect(requests.map((r) => r.status)).toEqual([429, 200])
    } finally {
      await recovering.close()
    }
  })

  it("429 on a write is retried (Kaspi did not process it); 5xx on a write is not", async () => {
    const o = sandbox.addOrder({ status: "APPROVED_BY_BANK" })
    sandbox.setFaults({ rate: 1, kinds: ["429"] })
    const limited = await recordFailure(kaspi.acceptOrder({ id: o.id, code: o.code }))
    expect(limited.kind).toBe("rate_limited")
    expect(requests).toHaveLength(3)

    requests.length = 0
    sandbox.setFaults({ rate: 1, kinds: ["5xx"] })
    const broken = await recordFailure(kaspi.acceptOrder({ id: o.id, code: o.code }))
    expect(broken.kind).toBe("server_error")
    expect(requests).toHaveLength(1)
    expect(sandbox.getOrder(o.code)?.status).toBe("APPROVED_BY_BANK")
  })

  it("an HTML 404 page, malformed JSON and a hang are each named", async () => {
    sandbox.setFaults({ rate: 1, kinds: ["html404"] })
    const html = await recordFailure(kaspi.getOrderByCode("1"))
    expect(html.kind).toBe("not_found")
    expect(html.message).toMatch(/HTML 404 page/)

    sandbox.setFaults({ rate: 1, kinds: ["malformed"] })
    const malformed = await recordFailure(kaspi.getOrderByCode("1"))
    expect(malformed.kind).toBe("invalid_response")
    expect(malformed.message).toMatch(/malformed JSON/)

    sandbox.setFaults({ rate: 1, kinds: ["timeout"] })
    const quick = client({ timeouts: { ordersMs: 150, productsMs: 150, waybillMs: 150 }, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } })
    try {
      const timeout = await recordFailure(quick.getOrderByCode("1"))
      expect(timeout.kind).toBe("timeout")
      expect(timeout.message).toMatch(/Kazakhstan/)
      expect(timeout.message).toMatch(/proxyUrl/)
    } finally {
      await quick.close()
    }
  })

  it("the sandbox's firewall drops a library-default User-Agent, which the client never sends", async () => {
    const res = await fetch(`${sandbox.baseUrl}/v2/cities`, {
      headers: { accept: "application/vnd.api+json", "x-auth-token": TOKEN, "user-agent": "undici" },
    }).catch((e: Error) => e)
    // jest's realm makes instanceof unreliable for fetch errors: a dropped request has no status
    expect((res as Response).status).toBeUndefined()
    expect(String((res as Error).message)).toMatch(/fetch failed/)
    expect((await kaspi.listCities()).length).toBeGreaterThan(0)
  })

  it("the token never appears in a log line or an error", () => {
    expect(errors.length).toBeGreaterThan(8)
    expect(logs.length).toBeGreaterThan(0)
    const everything = [
      ...logs,
      ...errors.map((e) => e.message),
      ...errors.map((e) => JSON.stringify(e)),
      ...errors.map((e) => String(e.stack)),
    ].join("\n")
    expect(everything).not.toContain(TOKEN)
  })
})

describe("the proxyUrl option", () => {
  it("tunnels every Kaspi request through the configured proxy (CONNECT)", async () => {
    const net = await import("node:net")
    const http = await import("node:http")
    const tunnels: string[] = []
    const proxy = http.createServer((_req, res) => res.writeHead(405).end())
    proxy.on("connect", (req, socket, head) => {
      tunnels.push(String(req.url))
      const [host, port] = String(req.url).split(":")
      const upstream = net.connect(Number(port), host, () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n")
        upstream.write(head)
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      upstream.on("error", () => socket.destroy())
      socket.on("error", () => upstream.destroy())
    })
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r))
    const address = proxy.address() as { port: number }
    const viaProxy = client({ proxyUrl: `http://127.0.0.1:${address.port}` })
    try {
      const cities = await viaProxy.listCities()
      expect(cities.length).toBeGreaterThan(0)
      expect(tunnels).toEqual([`127.0.0.1:${sandbox.port}`])
    } finally {
      await viaProxy.close()
      proxy.closeAllConnections?.()
      await new Promise((r) => proxy.close(r))
    }
  })
})
