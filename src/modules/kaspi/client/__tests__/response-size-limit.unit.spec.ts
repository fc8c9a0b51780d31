/**
 * A hostile or broken upstream answering 50 MB: the transport stops reading at
 * its limit and fails with a KaspiApiError, instead of buffering it all first.
 * Real HTTP against a local server that counts what it managed to send.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { SecretToken } from "../../secret"
import { KaspiApiError } from "../errors"
import { KaspiTransport, type KaspiRequest } from "../transport"

const MB = 1024 * 1024
const FIFTY_MB = 50 * MB

let server: http.Server
let baseUrl: string
const sent = { bytes: 0 }

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sent.bytes = 0
    const declare = req.url?.includes("declared")
    const type = req.url?.includes("pdf") ? "application/pdf" : "application/vnd.api+json"
    res.writeHead(200, { "content-type": type, ...(declare ? { "content-length": String(FIFTY_MB) } : {}) })
    const chunk = Buffer.alloc(MB, 0x20)
    const pump = () => {
      while (sent.bytes < FIFTY_MB) {
        sent.bytes += chunk.length
        if (!res.write(chunk)) return void res.once("drain", pump)
      }
      res.end()
    }
    res.on("close", () => undefined)
    pump()
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop/api`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

function transport(maxResponseBytes?: { json: number; binary: number }) {
  return new KaspiTransport({
    baseUrl,
    token: new SecretToken("size-limit-test-token"),
    userAgent: "medusa-plugin-kaspi-test",
    minRequestIntervalMs: 0,
    maxConcurrentRequests: 1,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    ...(maxResponseBytes ? { maxResponseBytes } : {}),
  })
}

async function failure(t: KaspiTransport, req: Partial<KaspiRequest>): Promise<KaspiApiError> {
  try {
    await t.send({ method: "GET", path: "/v2/orders", timeoutMs: 30_000, retry: "none", ...req })
  } catch (e) {
    return e as KaspiApiError
  } finally {
    await t.close()
  }
  throw new Error("the 50 MB answer was accepted")
}

describe("Kaspi answers over the size limit", () => {
  it("a 50 MB JSON answer without Content-Length is cut off at 16 MB by default", async () => {
    const e = await failure(transport(), { path: "/v2/orders" })
    expect(e).toBeInstanceOf(KaspiApiError)
    expect(e.kind).toBe("invalid_response")
    expect(e.message).toMatch(/over the 16 MB limit/)
    // It stopped reading: the server could not push the whole 50 MB through.
    expect(sent.bytes).toBeLessThan(FIFTY_MB)
  })

  it("a declared 50 MB answer is refused before its body is read", async () => {
    const e = await failure(transport(), { path: "/v2/orders/declared" })
    expect(e.kind).toBe("invalid_response")
    expect(e.message).toMatch(/50 MB, over the 16 MB limit/)
  })

  it("a waybill PDF has its own limit (20 MB by default, configurable)", async () => {
    const e = await failure(transport({ json: 16 * MB, binary: 2 * MB }), {
      path: "/waybill/pdf",
      accept: "application/pdf",
      expect: "binary",
    })
    expect(e.kind).toBe("invalid_response")
    expect(e.message).toMatch(/over the 2 MB limit/)
    expect(sent.bytes).toBeLessThan(FIFTY_MB)
  })
})
