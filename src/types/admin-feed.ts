import type { KaspiText } from "./kaspi-texts"
import type { z } from "@medusajs/framework/zod"
import type { InferTypeOf } from "@medusajs/framework/types"
import type { AdminRebuildKaspiFeed, AdminUpdateKaspiFeedConfig } from "../api/admin/kaspi/feed/validators"
import type { KaspiFeedBuild } from "../modules/kaspi/models"
import type { FeedDiff } from "../lib/feed/diff"
import type { FeedStats } from "../lib/feed/generate-feed"
import type { PreviewEntry } from "../lib/feed/preview-feed"
import type { FeedSettings } from "../lib/feed/settings"
import type { FeedIssue, FeedIssueCode, FeedWarning, FeedWarningCode, StoreMapping } from "../lib/feed/types"

export type { FeedDiff, FeedSettings, PreviewEntry as FeedPreviewEntry }
export type { FeedAvailability } from "../lib/feed/types"

// ── requests ────────────────────────────────────────────────────────────────────

/** POST /admin/kaspi/feed/:accountId/config: any subset of the settings, plus `enabled`. */
export type AdminUpdateKaspiFeedConfigRequest = z.input<typeof AdminUpdateKaspiFeedConfig>
/** POST /admin/kaspi/feed/:accountId/rebuild */
export type AdminRebuildKaspiFeedRequest = z.input<typeof AdminRebuildKaspiFeed>

// ── records ─────────────────────────────────────────────────────────────────────

/** A stored build (kaspi_feed_build); its json columns in the shapes the build writes them. */
export type KaspiFeedBuildRecord = Omit<InferTypeOf<typeof KaspiFeedBuild>, "stats" | "issues" | "warnings" | "diff"> & {
  stats: FeedStats | null
  /** The first skipped offers, by name (counts are exact in stats). */
  issues: FeedIssue[] | null
  warnings: FeedWarning[] | null
  diff: FeedDiff | null
}

/** A published build: the publish step sets published_at with the status. */
export type KaspiPublishedFeedBuild = KaspiFeedBuildRecord & { published_at: Date }

/** A build without its long lists (issues, warnings): for status and history. */
/** A build without its issue lists; a refused one says why as a server sentence too (`refusal_text`, lib/feed/guards.ts). */
export type KaspiFeedBuildSummary = Omit<KaspiFeedBuildRecord, "issues" | "warnings"> & { refusal_text: KaspiText | null }

/** What the admin sees of a feed config: the settings and the URL to paste into the Kaspi cabinet (never the secret alone). */
export interface AdminKaspiFeedConfig {
  account_id: string
  enabled: boolean
  feed_path: string
  /** Null when the request named no host to build it from. */
  feed_url: string | null
  secret_rotated_at: Date | null
  settings: FeedSettings
}

/** GET /admin/kaspi/feed/:accountId: the config with what the feed looks like now. */
export interface AdminKaspiFeedStatus extends AdminKaspiFeedConfig {
  store_mappings: StoreMapping[]
  /** What Kaspi downloads: the latest published build. */
  live_build: KaspiFeedBuildSummary | null
  /** The latest build of any outcome (refused or failed: `message` says why). */
  latest_build: KaspiFeedBuildSummary | null
  next_build_due_at: Date | null
  problems: string[]
}

// ── responses ───────────────────────────────────────────────────────────────────

/** GET /admin/kaspi/feed/:accountId */
export interface AdminKaspiFeedResponse {
  feed: AdminKaspiFeedStatus
}

/** GET and POST /admin/kaspi/feed/:accountId/config, POST …/rotate-secret */
export interface AdminKaspiFeedConfigResponse {
  config: AdminKaspiFeedConfig
}

/** POST /admin/kaspi/feed/:accountId/rebuild: the finished build; `error` when it failed. */
export interface AdminKaspiFeedRebuildResponse {
  build: KaspiFeedBuildSummary | null
  error?: string
}

/** GET /admin/kaspi/feed/:accountId/builds */
export interface AdminKaspiFeedBuildsResponse {
  builds: (KaspiFeedBuildSummary | null)[]
  count: number
  offset: number
  limit: number
}

/** GET /admin/kaspi/feed/:accountId/preview: offers as data and XML; `reason` when ?sku= matched nothing. */
export interface AdminKaspiFeedPreviewResponse {
  offers: PreviewEntry[]
  count: number
  reason?: string
}

/** GET /admin/kaspi/feed/:accountId/report: the validation report of a finished build. */
export interface AdminKaspiFeedReportResponse {
  build_id: string
  status: KaspiFeedBuildRecord["status"]
  finished_at: Date | null
  offers: number
  skipped: number
  excluded: number
  skipped_by_reason: FeedStats["skipped_by_reason"]
  warnings_by_code: FeedStats["warnings_by_code"]
  issues: FeedIssue[]
  issues_count: number
  /** Only the first skipped offers are kept by name; counts are exact. */
  issues_truncated: boolean
  warnings: FeedWarning[]
}

/** GET /admin/kaspi/feed/:accountId/diff: the build against the feed that was live when it ran. */
export interface AdminKaspiFeedDiffResponse {
  build_id: string
  status: KaspiFeedBuildRecord["status"]
  message: string | null
  diff: FeedDiff | null
}

export type { FeedIssueCode, FeedWarningCode }
