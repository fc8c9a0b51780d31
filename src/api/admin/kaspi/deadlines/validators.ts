import { z } from "@medusajs/framework/zod"

/** GET /admin/kaspi/deadlines: one shop's or every shop's, the first `limit` due. */
export const AdminKaspiDeadlines = z.object({
  account_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type AdminKaspiDeadlinesType = z.infer<typeof AdminKaspiDeadlines>
