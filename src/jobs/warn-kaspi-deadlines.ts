import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { warnKaspiDeadlines } from "../lib/deadlines/warn-kaspi-deadlines"

/**
 * Every minute: deadlines about to pass (acceptance, courier hand-over) are
 * announced through the "deadline" notification, once per order, deadline
 * and day, for the shops whose orders the plugin polls (a shop not polled
 * has no fresh deadlines to warn about). One run at a time across instances
 * (the Locking Module).
 */
export default async function warnKaspiDeadlinesJob(container: MedusaContainer): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const polled: string[] = []
  for (const account of await kaspi.describeAccounts()) {
    if (account.hasToken && (await kaspi.getOrderOptions(account.id)).polling) polled.push(account.id)
  }
  if (polled.length) await warnKaspiDeadlines(container, polled)
}

export const config = {
  name: "kaspi-warn-deadlines",
  schedule: "* * * * *",
}
