import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import { toKaspiBackfillView } from "../../../../../lib/backfill/kaspi-backfill-view"
import type { AdminKaspiBackfillResponse } from "../../../../../types/admin-backfills"

/** GET /admin/kaspi/backfills/:id: where it got to (the admin polls this while it runs). */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiBackfillResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiBackfills({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi backfill "${req.params.id}"`)
  res.json({ backfill: toKaspiBackfillView(row) })
}
