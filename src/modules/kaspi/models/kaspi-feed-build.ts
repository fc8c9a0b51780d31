import { model } from "@medusajs/framework/utils"
import { shopModel } from "./shop-model"

export const KASPI_FEED_BUILD_STATUSES = ["running", "published", "unchanged", "refused", "failed"] as const
export type KaspiFeedBuildStatus = (typeof KASPI_FEED_BUILD_STATUSES)[number]

/**
 * One run of the feed build, whatever its outcome: published (now live),
 * unchanged (same offers as the live feed, which stays), refused by a guard
 * (the last good feed stays live; `refusal_code`/`message` say why) or failed.
 * The live feed of an account is its latest "published" build.
 */
export const KaspiFeedBuild = shopModel("kaspi_feed_build", "kfbld", {
  status: model.enum([...KASPI_FEED_BUILD_STATUSES]).default("running"),
  trigger: model.text(),
  forced: model.boolean().default(false),
  started_at: model.dateTime(),
  finished_at: model.dateTime().nullable(),
  published_at: model.dateTime().nullable(),
  duration_ms: model.number().nullable(),
  offers_count: model.number().default(0),
  skipped_count: model.number().default(0),
  excluded_count: model.number().default(0),
  warnings_count: model.number().default(0),
  /** FeedStats: variants read, skipped_by_reason, warnings_by_code. */
  stats: model.json().nullable(),
  /** Skipped offers with reasons (the first MAX_REPORTED_ISSUES). */
  issues: model.json().nullable(),
  warnings: model.json().nullable(),
  /** FeedDiff against the live feed at build time. */
  diff: model.json().nullable(),
  refusal_code: model.text().nullable(),
  message: model.text().nullable(),
  bytes: model.number().nullable(),
  gzip_bytes: model.number().nullable(),
  content_hash: model.text().nullable(),
  body_hash: model.text().nullable(),
}).indexes([{ on: ["account_id", "started_at"] }, { on: ["account_id", "status", "published_at"] }])
