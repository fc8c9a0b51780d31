/**
 * The public feed route when Kaspi (or anyone) stops reading half-way: the
 * handler must end and release the artifact it was reading, not wait for a
 * "drain" that never comes. Real HTTP on a local server; the feed store is
 * replaced by a 64 MiB build so the socket's buffers fill up long before the end.
 */
import { randomBytes } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { gzipSync } from "node:zlib"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const CHUNKS = 64
// Stored builds are gzip members; random bytes stored uncompressed keep each one 1 MiB on the wire.
const CHUNK: Buffer = gzipSync(randomBytes(1024 * 1024), { level: 0 })
const SECRET = "s".repeat(43)
const reads = { chunks: 0, released: false }

jest.mock("../../../../../../modules/kaspi", () => ({ KASPI_MODULE: "kaspi" }))
jest.mock("../../../../../../lib/feed/feed-store", () => ({
  findFeedConfig: async () => ({ account_id: "default", secret: "s".repeat(43), settings: { interval_minutes: 15 } }),
  findLiveBuild: async () => ({
    id: "build_1",
    content_hash: "abc",
    published_at: new Date("2026-12-01T00:00:00Z"),
    bytes: CHUNKS * CHUNK.length,
    gzip_bytes: CHUNKS * CHUNK.length,
  }),
  readArtifact: async function* () {
    try {
      for (let i = 0; i < CHUNKS; i++) {
        reads.chunks += 1
        yield CHUNK
      }
    } finally {
      reads.released = true
    }
  },
}))

import { GET } from "../route"

type Outcome = "finished" | "threw"

async function serveAndAbort(acceptEncoding: string): Promise<{ outcome: Outcome | "still waiting"; received: number }> {
  let handled: Promise<Outcome> = Promise.resolve("finished")
  const server = http.createServer((req, res) => {
    const medusaReq = Object.assign(req, {
      params: { accountId: "default", file: `${SECRET}.xml` },
      scope: { resolve: () => ({}) },
    }) as unknown as MedusaRequest
    // The two express helpers the route uses on top of Node's response.
    const medusaRes = Object.assign(res, {
      status(code: number) {
        res.statusCode = code
        return medusaRes
      },
      json(body: unknown) {
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify(body))
        return medusaRes
      },
    })
    handled = GET(medusaReq, medusaRes as unknown as MedusaResponse).then(
      (): Outcome => "finished",
      (): Outcome => "threw"
    )
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  const { port } = server.address() as AddressInfo
  let received = 0
  await new Promise<void>((resolve) => {
    const req = http.get({ port, host: "127.0.0.1", path: "/", headers: { "accept-encoding": acceptEncoding } }, (res) => {
      res.on("data", (chunk: Buffer) => {
        received += chunk.length
        // Half a megabyte in, the client goes away (a cut connection, a Kaspi timeout).
        if (received > 512 * 1024) {
          req.destroy()
          resolve()
        }
      })
    })
    req.on("error", () => resolve())
    setTimeout(resolve, 5_000)
  })
  const outcome = await Promise.race([
    handled,
    new Promise<"still waiting">((r) => setTimeout(() => r("still waiting"), 3_000)),
  ])
  server.closeAllConnections()
  await Promise.race([new Promise((r) => server.close(r)), new Promise((r) => setTimeout(r, 1_000))])
  return { outcome, received }
}

describe("GET /kaspi/feed/:account/:secret.xml when the download is cut off", () => {
  beforeEach(() => {
    reads.chunks = 0
    reads.released = false
  })

  it.each([
    ["gzip (sent as stored)", "gzip"],
    ["identity (inflated on the fly)", "identity"],
  ])("%s: the handler ends and releases the build instead of waiting forever", async (_name, encoding) => {
    const { outcome, received } = await serveAndAbort(encoding)
    expect(received).toBeGreaterThan(0)
    expect(outcome).not.toBe("still waiting")
    expect(reads.released).toBe(true)
    // It stopped reading the build soon after the client left, not at the end of it.
    expect(reads.chunks).toBeLessThan(CHUNKS)
  })
})
