import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../modules/kaspi"
import type KaspiModuleService from "../modules/kaspi/service"
import { followKaspiCardImports } from "../lib/cards/follow-kaspi-card-imports"

/**
 * Every minute: sent Kaspi card imports are followed to their result
 * (lib/cards/follow-kaspi-card-imports.ts), each asked about at most every
 * `cards.followEverySeconds`. One run at a time across instances (the Locking
 * Module). Off with `cards.followInBackground: false`.
 */
export default async function followKaspiCardImportsJob(container: MedusaContainer): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  if (!kaspi.getResolvedOptions().cards.followInBackground) return
  await followKaspiCardImports(container)
}

export const config = {
  name: "kaspi-follow-card-imports",
  schedule: "* * * * *",
}
