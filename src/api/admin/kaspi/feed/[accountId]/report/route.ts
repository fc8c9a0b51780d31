import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { finishedBuildFromQuery } from "../../helpers"
import type { AdminKaspiFeedReportResponse } from "../../../../../../types"
import type { AdminKaspiFeedBuildQueryType } from "../../validators"

/**
 * GET /admin/kaspi/feed/:accountId/report — validation report of the latest
 * finished build (or ?build_id=): counts per reason, then the skipped offers
 * (filter with ?code=, page with limit/offset) and warnings.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedReportResponse>) {
  const q = req.validatedQuery as AdminKaspiFeedBuildQueryType
  const build = await finishedBuildFromQuery(req, q.build_id)
  const issues = (build.issues ?? []).filter((i) => !q.code || i.code === q.code)
  res.json({
    build_id: build.id,
    status: build.status,
    finished_at: build.finished_at,
    offers: build.offers_count,
    skipped: build.skipped_count,
    excluded: build.excluded_count,
    skipped_by_reason: build.stats?.skipped_by_reason ?? {},
    warnings_by_code: build.stats?.warnings_by_code ?? {},
    issues: issues.slice(q.offset, q.offset + q.limit),
    issues_count: issues.length,
    /** Only the first MAX_REPORTED_ISSUES skipped offers are kept by name; counts are exact. */
    issues_truncated: build.skipped_count > (build.issues ?? []).length,
    warnings: build.warnings ?? [],
  })
}
