import type { LoaderOptions, Logger } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { MedusaError } from "@medusajs/framework/utils"
import { KaspiOptionsError, renamedOptionKeys, resolveKaspiOptions, unknownOptionKeys } from "../options"

export const KASPI_OPTIONS_KEY = "kaspiResolvedOptions"

/**
 * Fails the app boot with a readable message when the plugin options are wrong,
 * and hands the resolved options (tokens wrapped as SecretToken) to the service.
 */
export default async function validateKaspiOptions({ container, options }: LoaderOptions): Promise<void> {
  const unknown = unknownOptionKeys(options)
  if (unknown.length) {
    container
      .resolve<Logger>("logger")
      .warn(`medusa-plugin-kaspi: ignoring unknown plugin option(s) ${unknown.map((k) => `"${k}"`).join(", ")} (a typo?)`)
  }
  for (const { from, to } of renamedOptionKeys(options)) {
    container.resolve<Logger>("logger").warn(`medusa-plugin-kaspi: "${from}" is now called "${to}"; the old name still works for now`)
  }
  try {
    container.register(KASPI_OPTIONS_KEY, asValue(resolveKaspiOptions(options)))
  } catch (e) {
    if (e instanceof KaspiOptionsError) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, e.message)
    }
    throw e
  }
}
