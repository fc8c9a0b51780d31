import { createReadStream } from "node:fs"
import { gunzipSync } from "node:zlib"
import { parseManifestLine, type ManifestEntry } from "./diff"
import { generateFeedSecret } from "./secret"
import { resolveFeedSettings, type FeedSettings } from "./settings"
import type { StoreMapping } from "./types"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiFeedBuildRecord, KaspiPublishedFeedBuild } from "../../types"

/**
 * Where builds and their bytes live: the kaspi module's tables in PostgreSQL
 * (kaspi_feed_config, kaspi_feed_build, kaspi_feed_artifact).
 *
 * Why PostgreSQL and not the File module: a shop runs several Medusa instances
 * and any of them may answer Kaspi's download, so the artifact must be where
 * all of them see it. The database is the one store every instance is
 * guaranteed to share; the File module's default provider (local disk) is not
 * shared, and an S3 provider would be an extra requirement. A gzipped feed of
 * 100k offers is a few MB, which PostgreSQL stores without trouble.
 */

/** The subset of KaspiModuleService this file uses (MedusaService-generated methods). */
export type FeedStoreService = Pick<
  KaspiModuleService,
  | "listKaspiFeedConfigs"
  | "createKaspiFeedConfigs"
  | "updateKaspiFeedConfigs"
  | "listKaspiFeedBuilds"
  | "createKaspiFeedBuilds"
  | "updateKaspiFeedBuilds"
  | "deleteKaspiFeedBuilds"
  | "listKaspiFeedArtifacts"
  | "createKaspiFeedArtifacts"
  | "deleteKaspiFeedArtifacts"
  | "listKaspiStoreMappings"
>

type FeedConfigRow = Awaited<ReturnType<FeedStoreService["listKaspiFeedConfigs"]>>[number]
type FeedBuildRow = Awaited<ReturnType<FeedStoreService["listKaspiFeedBuilds"]>>[number]

/** stats, issues, warnings and diff are json columns: the build writes them in the shapes KaspiFeedBuildRecord names. */
export function toFeedBuildRecord(row: FeedBuildRow): KaspiFeedBuildRecord {
  return row as KaspiFeedBuildRecord
}

export interface FeedConfigRecord {
  id: string
  account_id: string
  enabled: boolean
  secret: string
  secret_rotated_at: Date | null
  settings: FeedSettings
}

export const ARTIFACT_CHUNK_BYTES = 1024 * 1024

function toRecord(row: FeedConfigRow): FeedConfigRecord {
  return {
    id: row.id,
    account_id: row.account_id,
    enabled: Boolean(row.enabled),
    secret: row.secret,
    secret_rotated_at: row.secret_rotated_at ?? null,
    settings: resolveFeedSettings(row.settings),
  }
}

export async function findFeedConfig(kaspi: FeedStoreService, accountId: string): Promise<FeedConfigRecord | null> {
  const [row] = await kaspi.listKaspiFeedConfigs({ account_id: accountId }, { take: 1 })
  return row ? toRecord(row) : null
}

/** The account's feed config, created on first use: disabled, default settings, a fresh secret. */
export async function getOrCreateFeedConfig(kaspi: FeedStoreService, accountId: string): Promise<FeedConfigRecord> {
  const found = await findFeedConfig(kaspi, accountId)
  if (found) return found
  try {
    return toRecord(await kaspi.createKaspiFeedConfigs({ account_id: accountId, enabled: false, secret: generateFeedSecret(), settings: {} }))
  } catch (e) {
    // Two requests created it at once: the unique account_id index let one win.
    const again = await findFeedConfig(kaspi, accountId)
    if (again) return again
    throw e
  }
}

export async function saveFeedConfig(
  kaspi: FeedStoreService,
  id: string,
  data: { enabled?: boolean; settings?: FeedSettings; secret?: string; secret_rotated_at?: Date }
): Promise<FeedConfigRecord> {
  return toRecord(await kaspi.updateKaspiFeedConfigs({ id, ...data }))
}

export async function listStoreMappings(kaspi: FeedStoreService, accountId: string): Promise<StoreMapping[]> {
  const rows = await kaspi.listKaspiStoreMappings({ account_id: accountId }, { order: { store_id: "ASC" } })
  return rows.map((r) => ({
    store_id: r.store_id,
    stock_location_id: r.stock_location_id,
    stock_buffer: Number(r.stock_buffer ?? 0),
    pre_order_days: r.pre_order_days === null || r.pre_order_days === undefined ? null : Number(r.pre_order_days),
  }))
}

/** The build Kaspi is served: the account's latest published one. */
export async function findLiveBuild(kaspi: FeedStoreService, accountId: string): Promise<KaspiPublishedFeedBuild | null> {
  const [row] = await kaspi.listKaspiFeedBuilds(
    { account_id: accountId, status: "published" },
    { order: { published_at: "DESC" }, take: 1 }
  )
  // The publish step sets published_at with the status.
  return row ? (toFeedBuildRecord(row) as KaspiPublishedFeedBuild) : null
}

export async function findLatestBuild(
  kaspi: FeedStoreService,
  accountId: string,
  statuses?: KaspiFeedBuildRecord["status"][]
): Promise<KaspiFeedBuildRecord | null> {
  const [row] = await kaspi.listKaspiFeedBuilds(
    { account_id: accountId, ...(statuses ? { status: statuses } : {}) },
    { order: { started_at: "DESC" }, take: 1 }
  )
  return row ? toFeedBuildRecord(row) : null
}

/** One build of this account by id, or null. */
export async function findBuild(kaspi: FeedStoreService, accountId: string, buildId: string): Promise<KaspiFeedBuildRecord | null> {
  const [row] = await kaspi.listKaspiFeedBuilds({ id: buildId, account_id: accountId }, { take: 1 })
  return row ? toFeedBuildRecord(row) : null
}

/** Copies a gzip file into artifact chunks (base64), reading ≤1 MiB at a time. */
export async function saveArtifactFile(
  kaspi: FeedStoreService,
  buildId: string,
  kind: "xml_gz" | "manifest_gz",
  path: string
): Promise<number> {
  let seq = 0
  const stream = createReadStream(path, { highWaterMark: ARTIFACT_CHUNK_BYTES })
  for await (const chunk of stream) {
    await kaspi.createKaspiFeedArtifacts([{ build_id: buildId, kind, seq: seq++, data: (chunk as Buffer).toString("base64") }])
  }
  return seq
}

/** The stored bytes of a build, chunk by chunk (one chunk in memory at a time). */
export async function* readArtifact(kaspi: FeedStoreService, buildId: string, kind: "xml_gz" | "manifest_gz"): AsyncGenerator<Buffer> {
  const index = await kaspi.listKaspiFeedArtifacts({ build_id: buildId, kind }, { select: ["id", "seq"], order: { seq: "ASC" } })
  for (const { id } of index) {
    const [row] = await kaspi.listKaspiFeedArtifacts({ id }, { select: ["data"] })
    if (!row) throw new Error(`feed artifact ${id} of build ${buildId} disappeared while being read`)
    yield Buffer.from(row.data, "base64")
  }
}

export async function hasArtifact(kaspi: FeedStoreService, buildId: string, kind: "xml_gz" | "manifest_gz"): Promise<boolean> {
  const rows = await kaspi.listKaspiFeedArtifacts({ build_id: buildId, kind }, { select: ["id"], take: 1 })
  return rows.length > 0
}

/** The manifest of a build (previous published offers), or null when it has none. */
export async function loadManifest(kaspi: FeedStoreService, buildId: string): Promise<ManifestEntry[] | null> {
  const parts: Buffer[] = []
  for await (const c of readArtifact(kaspi, buildId, "manifest_gz")) parts.push(c)
  if (!parts.length) return null
  const text = gunzipSync(Buffer.concat(parts)).toString("utf8")
  const out: ManifestEntry[] = []
  for (const line of text.split("\n")) {
    const e = parseManifestLine(line)
    if (e) out.push(e)
  }
  return out
}

/**
 * Housekeeping after a build: artifacts are kept only for the live build and
 * the one before it (a download that started on it can finish); the history
 * keeps the newest `historySize` builds, never the live one.
 */
export async function pruneFeedBuilds(kaspi: FeedStoreService, accountId: string, historySize: number): Promise<void> {
  const published = await kaspi.listKaspiFeedBuilds(
    { account_id: accountId, status: "published" },
    { select: ["id"], order: { published_at: "DESC" }, take: 2 }
  )
  const keepBytes = new Set(published.map((b) => b.id))
  const all = await kaspi.listKaspiFeedBuilds({ account_id: accountId }, { select: ["id", "status"], order: { started_at: "DESC" } })
  const tooOld = all.slice(historySize).filter((b) => !keepBytes.has(b.id) && b.status !== "running")
  const dropBytesOf = all.filter((b) => !keepBytes.has(b.id) && b.status !== "running").map((b) => b.id)
  if (dropBytesOf.length) {
    const artifacts = await kaspi.listKaspiFeedArtifacts({ build_id: dropBytesOf }, { select: ["id"] })
    if (artifacts.length) await kaspi.deleteKaspiFeedArtifacts(artifacts.map((a) => a.id))
  }
  if (tooOld.length) await kaspi.deleteKaspiFeedBuilds(tooOld.map((b) => b.id))
}
