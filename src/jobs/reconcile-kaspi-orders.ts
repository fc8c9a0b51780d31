import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { reconcileOpenKaspiOrders } from "../lib/agreement/reconcile-open-kaspi-orders"

/**
 * Reconciliation on a schedule: every 15 minutes the open Kaspi orders of each
 * shop are compared with Kaspi, least recently updated first and at most
 * `reconcile.ordersPerRun` per shop (one Kaspi request each); what Kaspi did
 * and Medusa missed is repaired, what needs a person is flagged "mismatch".
 * One run at a time across instances: reconcileOpenKaspiOrders holds a lock
 * of the Locking Module and a run that finds it taken skips.
 *
 * Only shops whose polling is on (medusa-config or Settings → Kaspi): with it
 * off the store owner asked for no background work on that shop's orders, and
 * "Reconcile" from the admin still works. `reconcile.enabled: false` turns the
 * job off everywhere.
 */
export default async function reconcileKaspiOrdersJob(container: MedusaContainer): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const options = kaspi.getResolvedOptions().reconcile
  if (!options.enabled) return
  const accountIds: string[] = []
  for (const account of (await kaspi.describeAccounts()).filter((a) => a.hasToken)) {
    if ((await kaspi.getOrderOptions(account.id)).polling) accountIds.push(account.id)
  }
  if (!accountIds.length) return
  const result = await reconcileOpenKaspiOrders(container, { accountIds, limit: options.ordersPerRun })
  if (result.busy) return
  if (result.repaired || result.disagree) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Kaspi reconciliation: ${result.checked} orders checked, ${result.repaired} repaired, ` +
          `${result.disagree} disagreeing (need a person), ${result.failed} failed`
      )
  }
}

export const config = {
  name: "kaspi-reconcile-orders",
  schedule: "*/15 * * * *",
}
