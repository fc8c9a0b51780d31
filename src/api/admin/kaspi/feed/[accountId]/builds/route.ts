import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toFeedBuildRecord } from "../../../../../../lib/feed/feed-store"
import { accountFromPath, buildSummary } from "../../helpers"
import type { AdminKaspiFeedBuildsResponse } from "../../../../../../types"
import type { AdminListKaspiFeedBuildsType } from "../../validators"

/** GET /admin/kaspi/feed/:accountId/builds — the build history, newest first (stats and diff counts; no issue lists). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedBuildsResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as AdminListKaspiFeedBuildsType
  const [builds, count] = await kaspi.listAndCountKaspiFeedBuilds(
    { account_id: accountId, ...(q.status ? { status: q.status } : {}) },
    { order: { started_at: "DESC" }, skip: q.offset, take: q.limit }
  )
  res.json({ builds: builds.map((b) => buildSummary(toFeedBuildRecord(b))), count, offset: q.offset, limit: q.limit })
}
