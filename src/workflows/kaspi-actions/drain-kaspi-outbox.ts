import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { sendKaspiAction, type SendOutcome } from "./send-kaspi-action"
import { attachKaspiWaybills } from "./attach-kaspi-waybills"

/**
 * One pass of the outbox: claims due actions (and those whose sender died) and
 * sends them, then fetches waybills Kaspi has published since. Safe to run on
 * every instance at once: each row is claimed by exactly one.
 */
export async function drainKaspiOutbox(container: MedusaContainer): Promise<Record<SendOutcome, number> & { waybills: number }> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const o = kaspi.getResolvedOptions().actions
  const counts = { sent: 0, retry: 0, failed: 0, skipped: 0, waybills: 0 }
  if (o.dryRun) return counts
  const ids = await kaspi.claimKaspiActions({ limit: o.batchSize, leaseSeconds: o.leaseSeconds })
  for (const id of ids) counts[await sendKaspiAction(container, id)] += 1
  counts.waybills = await attachKaspiWaybills(container)
  return counts
}
