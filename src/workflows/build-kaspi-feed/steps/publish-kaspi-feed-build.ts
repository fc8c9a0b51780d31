import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { FeedDiff } from "../../../lib/feed/diff"
import { saveArtifactFile } from "../../../lib/feed/feed-store"
import type { GeneratedFeed } from "../../../lib/feed/generate-feed"
import type { GuardDecision } from "../../../lib/feed/guards"

export interface PublishKaspiFeedInput {
  build: { id: string; started_at: Date | string }
  generated: GeneratedFeed
  diff: FeedDiff
  decision: GuardDecision
  /** The new feed says exactly what the live one says (only the date differs). */
  unchanged: boolean
}

type PublishOutcome = { status: "refused" | "unchanged" | "published" }
type Undo = { id: string; stored: boolean }

/**
 * Settles the build: stores the bytes and makes it live (published), or keeps
 * the live feed (unchanged / refused by a guard), and records stats, report
 * and diff either way. Undo: drop the stored bytes and mark the build failed.
 */
export const publishKaspiFeedBuildStep = createStep(
  "publish-kaspi-feed-build",
  async (input: PublishKaspiFeedInput, { container }): Promise<StepResponse<PublishOutcome, Undo>> => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const { generated: g, decision } = input
    const now = new Date()
    const common = {
      id: input.build.id,
      finished_at: now,
      duration_ms: now.getTime() - new Date(input.build.started_at).getTime(),
      offers_count: g.stats.offers,
      skipped_count: g.stats.skipped,
      excluded_count: g.stats.excluded,
      warnings_count: g.stats.warnings,
      // json columns: DML types them as records
      stats: g.stats as unknown as Record<string, unknown>,
      issues: g.issues as unknown as Record<string, unknown>,
      warnings: g.warnings as unknown as Record<string, unknown>,
      diff: input.diff as unknown as Record<string, unknown>,
      bytes: g.bytes,
      gzip_bytes: g.gzip_bytes,
      content_hash: g.content_hash,
      body_hash: g.body_hash,
    }
    if (!decision.publish) {
      await kaspi.updateKaspiFeedBuilds({ ...common, status: "refused", refusal_code: decision.code, message: decision.message })
      return new StepResponse({ status: "refused" }, { id: input.build.id, stored: false })
    }
    if (input.unchanged) {
      await kaspi.updateKaspiFeedBuilds({
        ...common,
        status: "unchanged",
        message: "Same offers, prices and stock as the live feed: the live feed stays as it is.",
      })
      return new StepResponse({ status: "unchanged" }, { id: input.build.id, stored: false })
    }
    await saveArtifactFile(kaspi, input.build.id, "xml_gz", g.xml_gz_path)
    await saveArtifactFile(kaspi, input.build.id, "manifest_gz", g.manifest_gz_path)
    await kaspi.updateKaspiFeedBuilds({
      ...common,
      status: "published",
      published_at: now,
      message: decision.overridden
        ? `Published by force although the guard "${decision.overridden}" would have held it back.`
        : null,
    })
    return new StepResponse({ status: "published" }, { id: input.build.id, stored: true })
  },
  async (done, { container }) => {
    if (!done) return
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    if (done.stored) {
      const artifacts = await kaspi.listKaspiFeedArtifacts({ build_id: done.id }, { select: ["id"] })
      if (artifacts.length) await kaspi.deleteKaspiFeedArtifacts(artifacts.map((a: { id: string }) => a.id))
    }
    await kaspi.updateKaspiFeedBuilds({ id: done.id, status: "failed", published_at: null })
  }
)
