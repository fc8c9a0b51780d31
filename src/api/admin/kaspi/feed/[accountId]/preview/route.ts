import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getOrCreateFeedConfig, listStoreMappings } from "../../../../../../lib/feed/feed-store"
import { explainMissingSku, previewFeed } from "../../../../../../lib/feed/preview-feed"
import type { SqlClient } from "../../../../../../lib/feed/read-catalog"
import { accountFromPath } from "../../helpers"
import type { AdminKaspiFeedPreviewResponse } from "../../../../../../types"
import type { AdminPreviewKaspiFeedType } from "../../validators"

/**
 * GET /admin/kaspi/feed/:accountId/preview?limit=20 | ?sku=ABC — a dry run on
 * live data with the current settings: each offer as data and as XML, or why
 * it is skipped / excluded. With ?sku= and no match, `reason` says why the SKU
 * is not in the feed's catalog at all.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedPreviewResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const q = req.validatedQuery as AdminPreviewKaspiFeedType
  const db = req.scope.resolve<SqlClient>(ContainerRegistrationKeys.PG_CONNECTION)
  const [config, stores] = await Promise.all([getOrCreateFeedConfig(kaspi, accountId), listStoreMappings(kaspi, accountId)])
  const offers = await previewFeed(db, config.settings, stores, q.sku ? { skus: [q.sku] } : { limit: q.limit })
  res.json({
    offers,
    count: offers.length,
    ...(q.sku && !offers.length ? { reason: await explainMissingSku(db, q.sku) } : {}),
  })
}
