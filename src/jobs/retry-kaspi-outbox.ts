import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { drainKaspiOutbox } from "../lib/outbox/drain-kaspi-outbox"

/**
 * Delivers what Kaspi has not heard yet: actions that failed for a temporary
 * reason (timeouts, 5xx, 429) come back here with backoff until Kaspi takes
 * them; waybills are fetched once Kaspi publishes them.
 */
export default async function retryKaspiOutboxJob(container: MedusaContainer): Promise<void> {
  if (!container.resolve<KaspiModuleService>(KASPI_MODULE).getResolvedOptions().actions.retryInBackground) return
  const counts = await drainKaspiOutbox(container)
  if (counts.sent || counts.failed || counts.retry || counts.revived || counts.waybills) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`Kaspi outbox: ${counts.sent} sent, ${counts.retry} to retry, ${counts.failed} refused, ${counts.revived} sent again, ${counts.waybills} waybills attached`)
  }
}

export const config = {
  name: "kaspi-retry-outbox",
  schedule: "*/10 * * * * *",
}
