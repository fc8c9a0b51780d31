import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { setupKaspiAccountWorkflow } from "../workflows/setup-kaspi-account"

/**
 * Runs once, on `medusa db:migrate` after the plugin is installed: chooses (or
 * creates) the KZT region, the "Kaspi.kz" sales channel, a stock location and
 * the "Kaspi" shipping option for every configured Kaspi account, so imports
 * never guess. Re-run it any time from Settings → Kaspi ("Set up").
 */
export default async function kaspiAccountSetup({ container }: { container: MedusaContainer }): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  for (const account of kaspi.listAccounts()) {
    const { result: setup } = await setupKaspiAccountWorkflow(container).run({ input: { account_id: account.id } })
    logger.info(
      `Kaspi account "${account.id}": region ${setup.region_id}, sales channel ${setup.sales_channel_id}, ` +
        `stock location ${setup.stock_location_id}, shipping option ${setup.shipping_option_id}`
    )
  }
}
