import { createHash } from "node:crypto"
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

/** A gzip file sink that respects backpressure, so memory stays flat however big the feed. */
class GzipFileSink {
  readonly gzip: Gzip
  private readonly file: ReturnType<typeof createWriteStream>
  compressed = 0

  constructor(readonly path: string) {
    this.gzip = createGzip({ level: 6 })
    this.file = createWriteStream(path)
    this.gzip.on("data", (c: Buffer) => (this.compressed += c.length))
    this.gzip.pipe(this.file)
  }

  async write(s: string | Buffer): Promise<void> {
    if (!this.gzip.write(s)) await once(this.gzip, "drain")
  }

  async close(): Promise<void> {
    this.gzip.end()
    await once(this.file, "close")
  }
}

/**
 * Reads the catalog page by page, maps and validates every variant, and writes
 * the kaspi_catalog XML (gzipped) and its manifest to temporary files. Nothing
 * is published here. Memory: one page of rows and one page of XML text at a
 * time, plus the Set of SKUs already used (needed for the uniqueness rule).
 */
export async function generateFeed(input: GenerateFeedInput): Promise<GeneratedFeed> {
  const dir = input.dir ?? tmpdir()
  const xml = new GzipFileSink(join(dir, `kaspi-feed-${input.name}.xml.gz`))
  const manifest = new GzipFileSink(join(dir, `kaspi-feed-${input.name}.manifest.gz`))
  // One pass over the body (everything but the date attribute); the ETag hashes
  // that digest with the header, so the 50 MB are hashed once. md5 because this
  // only detects change (ETag, "unchanged" builds) and is 2× faster than sha256.
  const bodyHash = createHash("md5")
  let bytes = 0
  const emit = async (s: string, body?: string) => {
    // Encode once; the hash, the byte count and gzip all take the same Buffer.
    const buf = Buffer.from(s, "utf8")
    bodyHash.update(body === undefined ? buf : Buffer.from(body, "utf8"))
    bytes += buf.length
    await xml.write(buf)
  }
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
    await emit(header, renderHeader({ ...input.header, date: "" }))
    const pages = readCatalogPages(input.db, settings, {
      locationIds: [...new Set(stores.map((s) => s.stock_location_id))],
      pageSize: input.pageSize,
    })
    for await (const page of pages) {
      let chunk = ""
      let lines = ""
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
        chunk += renderOffer(mapped.offer)
        lines += manifestLine(mapped.offer)
      }
      if (chunk) await emit(chunk)
      if (lines) await manifest.write(lines)
    }
    await emit(renderFooter())
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
    bytes,
    gzip_bytes: xml.compressed,
    content_hash: createHash("md5").update(header).update(body_hash).digest("hex"),
    body_hash,
    stats,
    issues,
    warnings,
  }
}
