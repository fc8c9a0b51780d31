import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { createGunzip } from "node:zlib"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { findFeedConfig, findLiveBuild, readArtifact } from "../../../../../lib/feed/feed-store"
import { secretFromFileName, secretsEqual } from "../../../../../lib/feed/secret"

export const AUTHENTICATE = false

const NOT_FOUND = { type: "not_found", message: "Not found" }

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().split(";")
    if (coding.trim().toLowerCase() !== "gzip" && coding.trim() !== "*") return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
    return !q || Number(q.slice(2)) > 0
  })
}

/**
 * GET /kaspi/feed/:accountId/:secret.xml — the URL the merchant gives Kaspi.
 * Public (Kaspi cannot log in); the secret in the file name is the key.
 * Serves the stored last published build, never builds: a wrong secret or an
 * unknown account → 404 (the same answer, so accounts cannot be probed); no
 * build published yet → 503 + Retry-After, so Kaspi keeps its previous list;
 * else the XML with ETag / Last-Modified, 304 on a match, gzip when accepted.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const secret = secretFromFileName(String(req.params.file ?? ""))
  const config = secret ? await findFeedConfig(kaspi, String(req.params.accountId)) : null
  if (!secret || !config || !secretsEqual(secret, config.secret)) {
    res.status(404).json(NOT_FOUND)
    return
  }
  res.setHeader("Cache-Control", "no-cache")
  res.setHeader("X-Robots-Tag", "noindex")
  const live = await findLiveBuild(kaspi, config.account_id)
  if (!live) {
    res.setHeader("Retry-After", String(Math.min(config.settings.interval_minutes, 60) * 60))
    res.status(503).json({ type: "unavailable", message: "The Kaspi price list has not been published yet." })
    return
  }

  const etag = `"${live.content_hash}"`
  const lastModified = new Date(live.published_at)
  lastModified.setMilliseconds(0)
  res.setHeader("ETag", etag)
  res.setHeader("Last-Modified", lastModified.toUTCString())
  res.setHeader("Vary", "Accept-Encoding")

  const inm = req.headers["if-none-match"]
  const ims = req.headers["if-modified-since"]
  const notModified = inm
    ? inm.split(",").some((t) => {
        const tag = t.trim()
        return tag === "*" || tag === etag || tag === `W/${etag}`
      })
    : ims
      ? !Number.isNaN(Date.parse(ims)) && lastModified.getTime() <= Date.parse(ims)
      : false
  if (notModified) {
    res.status(304).end()
    return
  }

  res.setHeader("Content-Type", "application/xml; charset=utf-8")
  // Stored gzipped, read one ≤1 MiB chunk at a time. pipeline() ends when the client goes away
  // half-way (a bare write/drain loop waited forever for a "drain" that never came) and stops
  // reading the build, so its buffers are freed.
  const stored = Readable.from(readArtifact(kaspi, live.id, "xml_gz"))
  res.status(200)
  try {
    if (acceptsGzip(req.headers["accept-encoding"])) {
      res.setHeader("Content-Encoding", "gzip")
      if (live.gzip_bytes) res.setHeader("Content-Length", String(live.gzip_bytes))
      await pipeline(stored, res)
    } else {
      // A client without gzip: inflated on the fly, chunk by chunk (memory stays small).
      res.setHeader("Content-Length", String(live.bytes))
      await pipeline(stored, createGunzip(), res)
    }
  } catch (e) {
    // The status line is gone: nothing useful can be answered any more, only the connection closed.
    res.destroy()
    if ((e as { code?: string }).code !== "ERR_STREAM_PREMATURE_CLOSE") throw e
  }
}
