import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findLatestBuild } from "../../../../../../lib/feed/feed-store"
import { accountFromPath } from "../../helpers"

/**
 * GET /admin/kaspi/feed/:accountId/report — validation report of the latest
 * finished build (or ?build_id=): counts per reason, then the skipped offers
 * (filter with ?code=, page with limit/offset) and warnings.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as { build_id?: string; code?: string; limit: number; offset: number }
  const build = q.build_id
    ? (await kaspi.listKaspiFeedBuilds({ id: q.build_id, account_id: accountId }, { take: 1 }))[0]
    : await findLatestBuild(kaspi, accountId, ["published", "unchanged", "refused"])
  if (!build) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No finished build yet")
  const issues = ((build.issues ?? []) as { code: string }[]).filter((i) => !q.code || i.code === q.code)
  const stats = build.stats ?? {}
  res.json({
    build_id: build.id,
    status: build.status,
    finished_at: build.finished_at,
    offers: build.offers_count,
    skipped: build.skipped_count,
    excluded: build.excluded_count,
    skipped_by_reason: stats.skipped_by_reason ?? {},
    warnings_by_code: stats.warnings_by_code ?? {},
    issues: issues.slice(q.offset, q.offset + q.limit),
    issues_count: issues.length,
    /** Only the first MAX_REPORTED_ISSUES skipped offers are kept by name; counts are exact. */
    issues_truncated: build.skipped_count > ((build.issues ?? []) as unknown[]).length,
    warnings: build.warnings ?? [],
  })
}
