import { MedusaError } from "@medusajs/framework/utils"
import type KaspiModuleService from "../../../modules/kaspi/service"

/** The id of an account declared in the plugin options, or a 404 that names it. */
export function configuredAccountId(kaspi: KaspiModuleService, id: string): string {
  if (!kaspi.listAccounts().some((a) => a.id === id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi account "${id}" is configured`)
  }
  return id
}
