import type { MedusaRequest } from "@medusajs/framework/http"
import { feedRefusalText } from "../../../../lib/feed/guards"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import { MedusaError } from "@medusajs/framework/utils"
import { findBuild, findLatestBuild, type FeedConfigRecord } from "../../../../lib/feed/feed-store"
import { configuredAccountId } from "../configured-account"
import type { AdminKaspiFeedConfig, KaspiFeedBuildRecord, KaspiFeedBuildSummary } from "../../../../types"

export function feedService(req: MedusaRequest): KaspiModuleService {
  return req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
}

/** The configured account named in the path, or 404. */
export function accountFromPath(req: MedusaRequest): { kaspi: KaspiModuleService; accountId: string } {
  const kaspi = feedService(req)
  return { kaspi, accountId: configuredAccountId(kaspi, String(req.params.accountId)) }
}

/** The build a report or diff is about: ?build_id=, else the latest finished one; 404 before the first. */
export async function finishedBuildFromQuery(req: MedusaRequest, buildId?: string): Promise<KaspiFeedBuildRecord> {
  const { kaspi, accountId } = accountFromPath(req)
  const build = buildId ? await findBuild(kaspi, accountId, buildId) : await findLatestBuild(kaspi, accountId, ["published", "unchanged", "refused"])
  if (!build) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No finished build yet")
  return build
}

/** What the admin sees of a config: settings, and the feed URL to paste into the Kaspi cabinet. */
export function configView(req: MedusaRequest, c: FeedConfigRecord): AdminKaspiFeedConfig {
  const path = `/kaspi/feed/${encodeURIComponent(c.account_id)}/${c.secret}.xml`
  const host = req.get?.("x-forwarded-host") ?? req.get?.("host")
  const proto = req.get?.("x-forwarded-proto") ?? req.protocol
  return {
    account_id: c.account_id,
    enabled: c.enabled,
    feed_path: path,
    feed_url: host ? `${proto}://${host}${path}` : null,
    secret_rotated_at: c.secret_rotated_at,
    settings: c.settings,
  }
}

/** A build without its long lists (issues, warnings): for status and history. */
export function buildSummary(b: KaspiFeedBuildRecord | null): KaspiFeedBuildSummary | null {
  if (!b) return null
  const { issues: _i, warnings: _w, ...rest } = b
  return { ...rest, refusal_text: feedRefusalText(b) }
}
