import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { finishedBuildFromQuery } from "../../helpers"
import type { AdminKaspiFeedDiffResponse } from "../../../../../../types"
import type { AdminKaspiFeedBuildQueryType } from "../../validators"

/**
 * GET /admin/kaspi/feed/:accountId/diff — the latest finished build (or
 * ?build_id=) against the feed that was live when it ran: counts of added,
 * removed, price-changed and stock-changed offers, with examples.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedDiffResponse>) {
  const q = req.validatedQuery as AdminKaspiFeedBuildQueryType
  const build = await finishedBuildFromQuery(req, q.build_id)
  res.json({ build_id: build.id, status: build.status, message: build.message, diff: build.diff })
}
