import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureKaspiAccountSetup } from "./ensure-kaspi-account-setup"

/**
 * Makes sure the account is set up in Medusa before a page of orders is
 * imported: once per page, not once per order (the orders bench counts every
 * read an import makes). A setup that fails is logged and not thrown: each
 * order of the page then waits as needs_attention with the "not set up yet"
 * reason and the route that fixes it (prepare-kaspi-order-import), instead of
 * the whole poll failing on it.
 */
export async function prepareAccountForImports(container: MedusaContainer, accountId: string): Promise<void> {
  await ensureKaspiAccountSetup(container, accountId).catch((e: Error) => {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Kaspi: the account "${accountId}" could not be set up in Medusa (its orders wait until it is): ${e.message}`)
  })
}
