import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import type { AdminKaspiMappingDeleteResponse, AdminKaspiStoreMappingResponse } from "../../../../../types"

import { mappingOr404 } from "../../mapping-checks"

const existing = (kaspi: KaspiModuleService, id: string) => mappingOr404((f) => kaspi.listKaspiStoreMappings(f), id, "store mapping")

/** POST /admin/kaspi/store-mappings/:id */
export async function POST(req: MedusaRequest<Record<string, unknown>>, res: MedusaResponse<AdminKaspiStoreMappingResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  await existing(kaspi, req.params.id)
  const store_mapping = await kaspi.updateKaspiStoreMappings({ id: req.params.id, ...req.validatedBody })
  res.json({ store_mapping })
}

/** DELETE /admin/kaspi/store-mappings/:id */
export async function DELETE(req: MedusaRequest, res: MedusaResponse<AdminKaspiMappingDeleteResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  await existing(kaspi, req.params.id)
  await kaspi.deleteKaspiStoreMappings(req.params.id)
  res.json({ id: req.params.id, object: "kaspi_store_mapping", deleted: true })
}
