import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findBuild, findLatestBuild } from "../../../../../../lib/feed/feed-store"
import { accountFromPath } from "../../helpers"
import type { AdminKaspiFeedDiffResponse } from "../../../../../../types"
import type { AdminKaspiFeedBuildQueryType } from "../../validators"

/**
 * GET /admin/kaspi/feed/:accountId/diff — the latest finished build (or
 * ?build_id=) against the feed that was live when it ran: counts of added,
 * removed, price-changed and stock-changed offers, with examples.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedDiffResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as AdminKaspiFeedBuildQueryType
  const build = q.build_id
    ? await findBuild(kaspi, accountId, q.build_id)
    : await findLatestBuild(kaspi, accountId, ["published", "unchanged", "refused"])
  if (!build) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No finished build yet")
  res.json({ build_id: build.id, status: build.status, message: build.message, diff: build.diff })
}
