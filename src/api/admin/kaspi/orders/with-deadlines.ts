import type KaspiModuleService from "../../../../modules/kaspi/service"
import { kaspiOrderDeadline, type KaspiDeadline, type KaspiDeadlineFacts } from "../../../../modules/kaspi/deadline"

/**
 * Each order with its next deadline (deadline.ts), counted with the shop's acceptWithinMinutes, and the
 * warning's lead time (deadlineWarnMinutes), so a countdown turns orange when the warning goes out.
 */
export function withDeadlines<T extends KaspiDeadlineFacts>(
  kaspi: KaspiModuleService,
  rows: T[]
): Array<T & { deadline: (KaspiDeadline & { warn_minutes: number }) | null }> {
  const { acceptWithinMinutes, deadlineWarnMinutes } = kaspi.getResolvedOptions().orders
  return rows.map((row) => {
    const deadline = kaspiOrderDeadline(row, acceptWithinMinutes)
    return { ...row, deadline: deadline ? { ...deadline, warn_minutes: deadlineWarnMinutes } : null }
  })
}
