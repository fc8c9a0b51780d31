import net from "node:net"
import { startKaspiSandbox } from "../../../../../sandbox"
import type { KaspiSandbox } from "../../../../../sandbox/types"
import { KaspiApiError } from "../errors"
import { KaspiClient, type KaspiClientOptions } from "../kaspi-client"
import { failure } from "./failure"
import { sandboxClient } from "./test-client"

// Completion step 1 (API.md a.11, f.10): one request per call, whatever Kaspi answers; only a refused
// connection (the request never reached Kaspi) is tried again. Real HTTP against the sandbox.
const TOKEN = "send-code-client-token-0000"

let sandbox: KaspiSandbox
const requests: Array<{ method: string; path: string; status?: number; error?: string }> = []

function client(over: Partial<KaspiClientOptions> = {}): KaspiClient {
  return sandboxClient(sandbox, TOKEN, {
    timeouts: { ordersMs: 400, productsMs: 400, waybillMs: 400 },
    onRequest: (e) => requests.push(e),
    ...over,
  })
}


let kaspi: KaspiClient

beforeAll(async () => {
  sandbox = await startKaspiSandbox({ tokens: [TOKEN], seed: 11 })
  kaspi = client()
})

afterAll(async () => {
  await kaspi?.close()
  await sandbox?.close()
})

beforeEach(() => {
  sandbox.reset()
  requests.length = 0
})

const pickup = () => sandbox.addOrder({ status: "ACCEPTED_BY_MERCHANT", deliveryMode: "DELIVERY_PICKUP", signatureRequired: false })
const ref = (o: { id: string; code: string }) => ({ id: o.id, code: o.code })
const posts = () => requests.filter((r) => r.method === "POST")

describe("sendCompletionCode: step 1 is sent once", () => {
  it("takes Kaspi's usual echo", async () => {
    const o = pickup()
    const r = await kaspi.sendCompletionCode(ref(o))
    expect(r).toMatchObject({ answer: "echo", httpStatus: 200, code: o.code })
    expect(sandbox.getOrder(o.code)?.codesSent).toBe(1)
    expect(posts()).toHaveLength(1)
  })

  it("takes an empty 200 and a JSON 200 that is not the echo (not an error for step 1)", async () => {
    const o = pickup()
    sandbox.setSendCodeAnswer({ mode: "empty200" })
    expect(await kaspi.sendCompletionCode(ref(o))).toMatchObject({ answer: "empty", httpStatus: 200, raw: null })
    sandbox.setSendCodeAnswer({ mode: "json200", body: { result: "OK", message: "code sent" } })
    expect(await kaspi.sendCompletionCode(ref(o))).toMatchObject({ answer: "other", httpStatus: 200, raw: { result: "OK", message: "code sent" } })
    expect(sandbox.getOrder(o.code)?.codesSent).toBe(2)
    expect(posts()).toHaveLength(2)
  })

  it.each([
    ["4xx", "bad_request", 400],
    ["5xx", "server_error", 500],
  ] as const)("does not repeat a %s (the code may have gone out)", async (mode, kind, status) => {
    const o = pickup()
    sandbox.setSendCodeAnswer({ mode, times: 5 })
    const e = await failure(kaspi.sendCompletionCode(ref(o)))
    expect(e).toMatchObject({ kind, status })
    expect(posts()).toHaveLength(1)
    expect(sandbox.getOrder(o.code)?.codesSent).toBe(1)
  })

  it("does not repeat a request Kaspi did not answer (timeout)", async () => {
    const o = pickup()
    sandbox.setSendCodeAnswer({ mode: "timeout", times: 5 })
    const e = await failure(kaspi.sendCompletionCode(ref(o)))
    expect(e.kind).toBe("timeout")
    expect(posts()).toHaveLength(1)
    expect(sandbox.getOrder(o.code)?.codesSent).toBe(1)
  })

  it("does not repeat a 429 either (no source says Kaspi did not act on it)", async () => {
    const o = pickup()
    sandbox.setFaults({ rate: 1, kinds: ["429"], routes: ["/v2/orders"] })
    const e = await failure(kaspi.sendCompletionCode(ref(o)))
    expect(e.kind).toBe("rate_limited")
    expect(posts()).toHaveLength(1)
  })

  it("tries again only when the connection was refused (the request never reached Kaspi)", async () => {
    // A port nobody listens on: take one, then free it.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port
        s.close(() => resolve(p))
      })
    })
    const refused = client({ baseUrl: `http://127.0.0.1:${port}/shop/api` })
    try {
      const e = await failure(refused.sendCompletionCode({ id: "x", code: "1" }))
      expect(e.kind).toBe("network")
      expect(e.connectionRefused).toBe(true)
      expect(posts()).toHaveLength(3) // retry.attempts
    } finally {
      await refused.close()
    }
  })
})
