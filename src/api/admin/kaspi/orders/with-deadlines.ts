import type KaspiModuleService from "../../../../modules/kaspi/service"
import { kaspiOrderDeadline, type KaspiDeadline, type KaspiDeadlineFacts } from "../../../../modules/kaspi/deadline"

/** Each order with its next deadline (deadline.ts), counted with the shop's acceptWithinMinutes. */
export function withDeadlines<T extends KaspiDeadlineFacts>(kaspi: KaspiModuleService, rows: T[]): Array<T & { deadline: KaspiDeadline | null }> {
  const { acceptWithinMinutes } = kaspi.getResolvedOptions().orders
  return rows.map((row) => ({ ...row, deadline: kaspiOrderDeadline(row, acceptWithinMinutes) }))
}
