import { z } from "@medusajs/framework/zod"

/** GET /admin/kaspi/overview: `today_from` is the start of "today" in the admin user's time zone. */
export const AdminKaspiOverview = z.object({
  today_from: z.coerce.date().optional(),
})
export type AdminKaspiOverviewType = z.infer<typeof AdminKaspiOverview>
