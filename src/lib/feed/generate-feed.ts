import { createHash, type Hash } from "node:crypto"
import { createWriteStream } from "node:fs"
import { rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { once } from "node:events"
import { createGzip, type Gzip } from "node:zlib"
import { manifestLine } from "./diff"
import { mapVariantToOffer } from "./map-variant-to-offer"
import { readCatalogPages, type SqlClient } from "./read-catalog"
import { renderFooter, renderHeader, renderOffer, type FeedHeader } from "./render-offer"
import type { FeedSettings } from "./settings"
import type { FeedIssue, FeedIssueCode, FeedWarning, FeedWarningCode, StoreMapping } from "./types"
import { validateOffer } from "./validate-offer"

/** How many skipped offers / warnings a build keeps by name (counts are always exact). */
export const MAX_REPORTED_ISSUES = 2000
export const MAX_REPORTED_WARNINGS = 500

export interface GenerateFeedInput {
  db: SqlClient
  settings: FeedSettings
  stores: StoreMapping[]
  header: FeedHeader
  /** Distinguishes the temporary files; the build id. */
  name: string
  dir?: string
  pageSize?: number
}

export interface FeedStats {
  variants_read: number
  offers: number
  skipped: number
  excluded: number
  warnings: number
  skipped_by_reason: Partial<Record<FeedIssueCode, number>>
  warnings_by_code: Partial<Record<FeedWarningCode, number>>
}

export interface GeneratedFeed {
  /** gzip of the XML, in the temp dir. */
  xml_gz_path: string
  /** gzip of the manifest (diff.ts), in the temp dir. */
  manifest_gz_path: string
  bytes: number
  gzip_bytes: number
  /** Identifies the exact bytes (md5 of the header and body_hash): the ETag. */
  content_hash: string
  /** md5 of the XML without its date: equal means nothing Kaspi sees has changed. */
  body_hash: string
  stats: FeedStats
  issues: FeedIssue[]
  warnings: FeedWarning[]
}

/**
 * zlib level for the XML and the manifest. Level 3 is the strongest of zlib's
 * fast levels (1–3): on the bench feed (51.8 MB of XML) it compresses in
 * ~60 ms of CPU against ~160 ms at the default 6, for 2.2 MB instead of
 * 1.8 MB. That CPU is on the 2-core bench machine's second core, the one
 * PostgreSQL needs to produce the next page; 0.4 MB more per stored build
 * (kept in kaspi_feed_artifact) and per download costs far less.
 */
export const GZIP_LEVEL = 3

/** Bytes gathered before they go to gzip (and the hash) in one piece. */
const CHUNK_BYTES = 256 * 1024

/**
 * A gzip file that text is appended to: each string is UTF-8-encoded straight
 * into a fixed chunk Buffer, and full chunks go to gzip (and to `hash`, if
 * given) as they are. Why not one string per page and Buffer.from: a page of
 * offers concatenated is a ~1 MB rope of two-byte (Cyrillic) text that
 * survives young-generation GCs until it is flattened and encoded; profiling
 * the 100k bench found ~0.35 s in that flattening. Here each offer's string
 * dies as soon as it is encoded: ~0.3 s less Node CPU, and RSS growth went
 * from ~165 to ~115 MB.
 * Backpressure: flush() waits for gzip to drain, so memory stays flat however
 * big the feed.
 */
class GzipFileSink {
  readonly gzip: Gzip
  private readonly file: ReturnType<typeof createWriteStream>
  /** Bytes before compression. */
  bytes = 0
  compressed = 0
  private buf = Buffer.allocUnsafe(CHUNK_BYTES)
  private len = 0

  constructor(readonly path: string, private readonly hash?: Hash) {
    this.gzip = createGzip({ level: GZIP_LEVEL })
    this.file = createWriteStream(path)
    this.gzip.on("data", (c: Buffer) => (this.compressed += c.length))
    this.gzip.pipe(this.file)
  }

  append(s: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.len + s.length * 3 > this.buf.length) {
      this.pass()
      if (s.length * 3 > this.buf.length) return this.send(Buffer.from(s, "utf8"))
    }
    this.len += this.buf.write(s, this.len)
  }

  /** Bytes that go to the file but not to the hash (the header with its date). */
  appendUnhashed(s: string): void {
    this.pass()
    const b = Buffer.from(s, "utf8")
    this.bytes += b.length
    this.gzip.write(b)
  }

  /** Hands what is gathered to gzip, and waits while gzip is behind. */
  async flush(): Promise<void> {
    this.pass()
    if (this.gzip.writableNeedDrain) await once(this.gzip, "drain")
  }

  async close(): Promise<void> {
    this.pass()
    this.gzip.end()
    await once(this.file, "close")
  }

  private pass(): void {
    if (!this.len) return
    // gzip keeps the chunk until it is compressed: the next text goes to a new one.
    const chunk = this.buf.subarray(0, this.len)
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES)
    this.len = 0
    this.send(chunk)
  }

  private send(chunk: Buffer): void {
    this.hash?.update(chunk)
    this.bytes += chunk.length
    this.gzip.write(chunk)
  }
}

/**
 * Reads the catalog page by page, maps and validates every variant, and writes
 * the kaspi_catalog XML (gzipped) and its manifest to temporary files. Nothing
 * is published here. Memory: one page of rows and a chunk of encoded XML at a
 * time, plus the Set of SKUs already used (needed for the uniqueness rule).
 */
export async function generateFeed(input: GenerateFeedInput): Promise<GeneratedFeed> {
  const dir = input.dir ?? tmpdir()
  // One pass over the body (everything but the date attribute); the ETag hashes
  // that digest with the header, so the 50 MB are hashed once, from the same
  // Buffers gzip takes. md5 because this only detects change (ETag,
  // "unchanged" builds) and is 2× faster than sha256 on CPUs without SHA
  // instructions (with them, as on the bench machine, sha256 is faster, but a
  // new algorithm would make the first build after an upgrade look changed).
  const bodyHash = createHash("md5")
  const xml = new GzipFileSink(join(dir, `kaspi-feed-${input.name}.xml.gz`), bodyHash)
  const manifest = new GzipFileSink(join(dir, `kaspi-feed-${input.name}.manifest.gz`))
  const header = renderHeader(input.header)

  const stats: FeedStats = {
    variants_read: 0,
    offers: 0,
    skipped: 0,
    excluded: 0,
    warnings: 0,
    skipped_by_reason: {},
    warnings_by_code: {},
  }
  const issues: FeedIssue[] = []
  const warnings: FeedWarning[] = []
  const skip = (issue: FeedIssue) => {
    stats.skipped++
    stats.skipped_by_reason[issue.code] = (stats.skipped_by_reason[issue.code] ?? 0) + 1
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue)
  }

  const { settings, stores } = input
  const ctx = { settings, stores }
  const vctx = {
    skuMaxLength: settings.sku_max_length,
    knownStoreIds: new Set(stores.map((s) => s.store_id)),
    seenSkus: new Set<string>(),
  }

  try {
    bodyHash.update(renderHeader({ ...input.header, date: "" }))
    xml.appendUnhashed(header)
    const pages = readCatalogPages(input.db, settings, {
      locationIds: [...new Set(stores.map((s) => s.stock_location_id))],
      pageSize: input.pageSize,
    })
    for await (const page of pages) {
      for (const row of page) {
        stats.variants_read++
        const mapped = mapVariantToOffer(row, ctx)
        if (mapped.kind === "excluded") {
          stats.excluded++
          continue
        }
        const v = validateOffer(mapped.offer, vctx)
        if (!v.ok) {
          skip(v.issue)
          continue
        }
        for (const w of mapped.warnings) {
          stats.warnings++
          stats.warnings_by_code[w.code] = (stats.warnings_by_code[w.code] ?? 0) + 1
          if (warnings.length < MAX_REPORTED_WARNINGS) warnings.push(w)
        }
        stats.offers++
        xml.append(renderOffer(mapped.offer))
        manifest.append(manifestLine(mapped.offer))
      }
      await Promise.all([xml.flush(), manifest.flush()])
    }
    xml.append(renderFooter())
  } catch (e) {
    await Promise.allSettled([xml.close(), manifest.close()])
    await Promise.allSettled([rm(xml.path, { force: true }), rm(manifest.path, { force: true })])
    throw e
  }
  await Promise.all([xml.close(), manifest.close()])
  const body_hash = bodyHash.digest("hex")

  return {
    xml_gz_path: xml.path,
    manifest_gz_path: manifest.path,
    bytes: xml.bytes,
    gzip_bytes: xml.compressed,
    content_hash: createHash("md5").update(header).update(body_hash).digest("hex"),
    body_hash,
    stats,
    issues,
    warnings,
  }
}
