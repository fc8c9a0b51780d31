import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { accountFromPath, buildSummary } from "../../helpers"

/** GET /admin/kaspi/feed/:accountId/builds — the build history, newest first (stats and diff counts; no issue lists). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as { limit: number; offset: number; status?: string }
  const [builds, count] = await kaspi.listAndCountKaspiFeedBuilds(
    { account_id: accountId, ...(q.status ? { status: q.status } : {}) },
    { order: { started_at: "DESC" }, skip: q.offset, take: q.limit }
  )
  res.json({ builds: builds.map(buildSummary), count, offset: q.offset, limit: q.limit })
}
