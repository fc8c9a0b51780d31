import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { runKaspiFeedBuild } from "../../../../../../lib/feed/run-kaspi-feed-build"
import { accountFromPath, buildSummary } from "../../helpers"
import type { AdminRebuildKaspiFeedType } from "../../validators"
import type { AdminKaspiFeedRebuildResponse } from "../../../../../../types"

/**
 * POST /admin/kaspi/feed/:accountId/rebuild — build now (even when the feed is
 * disabled: a manual build is how an owner checks the result before enabling
 * the schedule). Waits for the build and returns it: status "published",
 * "unchanged", "refused" (message says which guard and why) or "failed".
 * 409 while another build of this account runs.
 */
export async function POST(req: MedusaRequest<AdminRebuildKaspiFeedType>, res: MedusaResponse<AdminKaspiFeedRebuildResponse>) {
  const { accountId } = accountFromPath(req)
  const r = await runKaspiFeedBuild(req.scope, { account_id: accountId, trigger: "manual", force: req.validatedBody.force })
  if (r.outcome === "busy") {
    throw new MedusaError(MedusaError.Types.CONFLICT, "A build of this feed is already running; try again when it ends.")
  }
  if (r.outcome === "not_due") throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The build did not run")
  res.json({ build: buildSummary(r.build), ...(r.outcome === "failed" ? { error: r.error } : {}) })
}
