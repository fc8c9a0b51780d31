import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { pollKaspiAccount } from "../lib/sync/poll-kaspi-account"
import { acceptMissedAutoAccepts } from "../lib/outbox/accept-missed-auto-accepts"

/**
 * Kaspi has no webhooks: orders are polled. The job wakes every 10 s; each
 * account is polled when its interval (default 30 s) has passed, and only by
 * one instance at a time (a lease in the database), so a slow tick is never
 * overlapped and several Medusa instances poll once, not once each.
 */
export default async function pollKaspiOrdersJob(container: MedusaContainer): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const account of (await kaspi.describeAccounts()).filter((a) => a.hasToken)) {
    // medusa-config's options, with what the store owner changed in Settings → Kaspi; read once per tick.
    const orderOptions = await kaspi.getOrderOptions(account.id)
    if (!orderOptions.polling) continue
    const result = await pollKaspiAccount(container, account.id, { orderOptions })
    if (result.error) logger.warn(`Kaspi poll of account "${account.id}": ${result.error}`)
    else if (result.ran && result.stats && result.stats.seen) {
      const s = result.stats
      logger.info(`Kaspi poll of "${account.id}": ${s.seen} seen, ${s.imported} imported, ${s.needs_attention} need attention, ${s.failed} failed, ${s.status_changes} status changes`)
    }
    // Only the instance that held this tick's poll lease sweeps, so two never ask for the same accept at once.
    if (result.ran) {
      const swept = await acceptMissedAutoAccepts(container, account.id, { orderOptions }).catch((e) => {
        logger.warn(`Kaspi auto-accept sweep of "${account.id}": ${(e as Error).message}`)
        return 0
      })
      if (swept) logger.info(`Kaspi auto-accept: asked to accept ${swept} order(s) whose import event was lost`)
    }
  }
}

export const config = {
  name: "kaspi-poll-orders",
  schedule: "*/10 * * * * *",
}
