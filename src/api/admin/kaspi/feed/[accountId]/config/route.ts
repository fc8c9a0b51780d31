import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getOrCreateFeedConfig, saveFeedConfig } from "../../../../../../lib/feed/feed-store"
import { feedSettingsSchema, settingsProblems } from "../../../../../../lib/feed/settings"
import { accountFromPath, configView } from "../../helpers"
import type { AdminUpdateKaspiFeedConfigType } from "../../validators"
import type { AdminKaspiFeedConfigResponse } from "../../../../../../types"

/** GET /admin/kaspi/feed/:accountId/config — settings with their current values (defaults filled in). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiFeedConfigResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  res.json({ config: configView(req, await getOrCreateFeedConfig(kaspi, accountId)) })
}

/**
 * POST /admin/kaspi/feed/:accountId/config — change any subset of the settings
 * (shallow merge; lists are replaced), and `enabled`. 400 with every problem
 * when the result is inconsistent (e.g. price_source "region" without a region).
 */
export async function POST(req: MedusaRequest<AdminUpdateKaspiFeedConfigType>, res: MedusaResponse<AdminKaspiFeedConfigResponse>) {
  const { kaspi, accountId } = accountFromPath(req)
  const current = await getOrCreateFeedConfig(kaspi, accountId)
  const { enabled, ...patch } = req.validatedBody
  const merged = feedSettingsSchema.parse({ ...current.settings, ...patch })
  const problems = settingsProblems(merged)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  const saved = await saveFeedConfig(kaspi, current.id, { settings: merged, ...(enabled !== undefined ? { enabled } : {}) })
  res.json({ config: configView(req, saved) })
}
