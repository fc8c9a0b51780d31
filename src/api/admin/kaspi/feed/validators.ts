import { z } from "@medusajs/framework/zod"
import { feedSettingsPatchSchema } from "../../../../lib/feed/settings"

/** POST /admin/kaspi/feed/:accountId/config — any subset of the settings, plus `enabled`. */
export const AdminUpdateKaspiFeedConfig = feedSettingsPatchSchema
export type AdminUpdateKaspiFeedConfigType = z.infer<typeof AdminUpdateKaspiFeedConfig>

/** POST /admin/kaspi/feed/:accountId/rebuild */
export const AdminRebuildKaspiFeed = z
  .object({
    /** Publish even if more than max_removed_share of the offers would disappear (never an empty feed). */
    force: z.boolean().default(false),
  })
  .strict()
export type AdminRebuildKaspiFeedType = z.infer<typeof AdminRebuildKaspiFeed>

/** GET /admin/kaspi/feed/:accountId/builds */
export const AdminListKaspiFeedBuilds = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(["running", "published", "unchanged", "refused", "failed"]).optional(),
})
export type AdminListKaspiFeedBuildsType = z.infer<typeof AdminListKaspiFeedBuilds>

/** GET /admin/kaspi/feed/:accountId/report and /diff */
export const AdminKaspiFeedBuildQuery = z.object({
  build_id: z.string().min(1).optional(),
  code: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminKaspiFeedBuildQueryType = z.infer<typeof AdminKaspiFeedBuildQuery>

/** GET /admin/kaspi/feed/:accountId/preview — the first `limit` offers, or one SKU. */
export const AdminPreviewKaspiFeed = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  sku: z.string().trim().min(1).max(255).optional(),
})
export type AdminPreviewKaspiFeedType = z.infer<typeof AdminPreviewKaspiFeed>
