import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrCreateFeedConfig, saveFeedConfig } from "../../../../../../lib/feed/feed-store"
import { generateFeedSecret } from "../../../../../../lib/feed/secret"
import { accountFromPath, configView } from "../../helpers"
import type { AdminKaspiFeedConfigResponse } from "../../../../../../types"

/**
 * POST /admin/kaspi/feed/:accountId/rotate-secret — a new secret: the old URL
 * answers 404 from now on, so paste the new feed_url into the Kaspi cabinet.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedConfigResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const current = await getOrCreateFeedConfig(kaspi, accountId)
  const saved = await saveFeedConfig(kaspi, current.id, { secret: generateFeedSecret(), secret_rotated_at: new Date() })
  res.json({ config: configView(req, saved) })
}
