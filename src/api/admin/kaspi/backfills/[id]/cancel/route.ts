import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { toKaspiBackfillView } from "../../../../../../lib/backfill/kaspi-backfill-view"
import type { AdminKaspiBackfillResponse } from "../../../../../../types/admin-backfills"

/**
 * POST /admin/kaspi/backfills/:id/cancel: `cancelled` at once when no worker is
 * on it, else `cancelling` until the worker stops after its current page. A
 * finished backfill is answered as it is.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse<AdminKaspiBackfillResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const row = await kaspi.cancelKaspiBackfill(req.params.id)
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi backfill "${req.params.id}"`)
  res.json({ backfill: toKaspiBackfillView(row) })
}
