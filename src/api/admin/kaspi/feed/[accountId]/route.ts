import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findFeedConfig, findLatestBuild, findLiveBuild, getOrCreateFeedConfig, listStoreMappings } from "../../../../../lib/feed/feed-store"
import { accountFromPath, buildSummary, configView } from "../helpers"
import type { AdminKaspiFeedResponse } from "../../../../../types"

/**
 * GET /admin/kaspi/feed/:accountId — feed status: on/off, URL, store mappings,
 * the live build (what Kaspi downloads) and the latest build (which may have
 * been refused or failed: `message` says why), and when the next one is due.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const config = (await findFeedConfig(kaspi, accountId)) ?? (await getOrCreateFeedConfig(kaspi, accountId))
  const [live, latest, stores] = await Promise.all([
    findLiveBuild(kaspi, accountId),
    findLatestBuild(kaspi, accountId),
    listStoreMappings(kaspi, accountId),
  ])
  const nextDue = !config.enabled
    ? null
    : latest
      ? new Date(new Date(latest.started_at).getTime() + config.settings.interval_minutes * 60_000)
      : new Date()
  res.json({
    feed: {
      ...configView(req, config),
      store_mappings: stores,
      live_build: buildSummary(live),
      latest_build: buildSummary(latest),
      next_build_due_at: nextDue,
      problems: [
        ...(stores.length ? [] : ["No Kaspi store (storeId) is mapped to a stock location: every offer would be skipped."]),
        ...(latest && latest.status !== "published" && latest.status !== "unchanged" && latest.message ? [latest.message] : []),
      ],
    },
  })
}
