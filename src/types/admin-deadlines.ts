import type { z } from "@medusajs/framework/zod"
import type { AdminKaspiDeadlines } from "../api/admin/kaspi/deadlines/validators"
import type { KaspiDueOrder } from "../modules/kaspi/deadline"

export type { KaspiDueOrder }

/** GET /admin/kaspi/deadlines query. */
export type AdminKaspiDeadlinesQuery = z.input<typeof AdminKaspiDeadlines>

/** GET /admin/kaspi/deadlines */
export interface AdminKaspiDeadlinesResponse {
  /** The first due first (overdue ones too). */
  deadlines: KaspiDueOrder[]
  /** orders.acceptWithinMinutes: Kaspi does not publish its acceptance time-out (README). */
  accept_within_minutes: number
  /** orders.deadlineWarnMinutes: how long before a deadline the warning goes out. */
  warn_minutes: number
}
