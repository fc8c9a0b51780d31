import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { setupKaspiAccountWorkflow } from "../../workflows/setup-kaspi-account"
import { readKaspiAccountSetup, type KaspiAccountSetup } from "./kaspi-account-setup"

/**
 * The account's stored setup; when there is none yet (the plugin was added
 * without `db:migrate`, or a new account was configured), the setup workflow
 * runs once, under a lock so two ticks or instances never create two "Kaspi.kz"
 * sales channels. The import itself only reads the stored setup.
 */
export async function ensureKaspiAccountSetup(container: MedusaContainer, accountId: string): Promise<KaspiAccountSetup> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const stored = await readKaspiAccountSetup(kaspi, accountId)
  if (stored) return stored
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(`kaspi-account-setup:${accountId}`, async () => {
    // Another holder of the lock may have finished the setup while this one waited.
    const done = await readKaspiAccountSetup(kaspi, accountId)
    if (done) return done
    const { result } = await setupKaspiAccountWorkflow(container).run({ input: { account_id: accountId } })
    return result
  })
}
