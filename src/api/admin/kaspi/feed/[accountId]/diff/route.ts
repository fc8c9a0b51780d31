import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findLatestBuild } from "../../../../../../lib/feed/feed-store"
import { accountFromPath } from "../../helpers"

/**
 * GET /admin/kaspi/feed/:accountId/diff — the latest finished build (or
 * ?build_id=) against the feed that was live when it ran: counts of added,
 * removed, price-changed and stock-changed offers, with examples.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as { build_id?: string }
  const build = q.build_id
    ? (await kaspi.listKaspiFeedBuilds({ id: q.build_id, account_id: accountId }, { take: 1 }))[0]
    : await findLatestBuild(kaspi, accountId, ["published", "unchanged", "refused"])
  if (!build) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No finished build yet")
  res.json({ build_id: build.id, status: build.status, message: build.message, diff: build.diff })
}
