import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { MedusaError } from "@medusajs/framework/utils"
import { KaspiOptionsError, resolveKaspiOptions } from "../options"

export const KASPI_OPTIONS_KEY = "kaspiResolvedOptions"

/**
 * Fails the app boot with a readable message when the plugin options are wrong,
 * and hands the resolved options (tokens wrapped as SecretToken) to the service.
 */
export default async function validateKaspiOptions({ container, options }: LoaderOptions): Promise<void> {
  try {
    container.register(KASPI_OPTIONS_KEY, asValue(resolveKaspiOptions(options)))
  } catch (e) {
    if (e instanceof KaspiOptionsError) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, e.message)
    }
    throw e
  }
}
