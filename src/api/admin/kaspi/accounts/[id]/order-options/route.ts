import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import type { KaspiEffectiveOrderOptions } from "../../../../../../modules/kaspi/service"
import type { AdminUpdateKaspiOrderOptionsType } from "../../../validators"
import { configuredAccountId } from "../../../configured-account"
import type { AdminKaspiOrderOptions, AdminKaspiOrderOptionsResponse } from "../../../../../../types"

/** What the admin shows: the value in force, medusa-config's, and whether the owner changed it here. */
function describe(kaspi: KaspiModuleService, o: KaspiEffectiveOrderOptions): AdminKaspiOrderOptions {
  const config = kaspi.getResolvedOptions().orders
  return {
    polling: o.polling,
    poll_interval_seconds: o.pollIntervalSeconds,
    auto_accept: o.autoAccept,
    archive_sync_interval_seconds: o.archiveSyncIntervalSeconds,
    config: { polling: config.polling, poll_interval_seconds: config.pollIntervalSeconds, auto_accept: config.autoAccept },
    overrides: o.overrides,
  }
}

/** GET /admin/kaspi/accounts/:id/order-options: polling and auto-accept as they are in force for this shop. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiOrderOptionsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const id = configuredAccountId(kaspi, req.params.id)
  res.json({ order_options: describe(kaspi, await kaspi.getOrderOptions(id)) })
}

/**
 * POST /admin/kaspi/accounts/:id/order-options: the store owner turns polling
 * or auto-accept on or off, or changes the poll interval, without a deploy;
 * null returns a value to medusa-config's. Every instance reads it at its next tick.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateKaspiOrderOptionsType>, res: MedusaResponse<AdminKaspiOrderOptionsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const id = configuredAccountId(kaspi, req.params.id)
  const updated = await kaspi.setOrderOptionOverrides(id, req.validatedBody)
  await kaspi.logKaspiEvent({
    account_id: id,
    type: "order_options_changed",
    message: `Order options changed in the admin: ${JSON.stringify(req.validatedBody)}`,
    data: { by: req.auth_context?.actor_id ?? null, ...req.validatedBody },
  })
  res.json({ order_options: describe(kaspi, updated) })
}
