import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../modules/kaspi/service"
import type { AdminKaspiMappingDeleteResponse, AdminKaspiSkuMappingResponse } from "../../../../../types"

import { mappingOr404 } from "../../mapping-checks"

const existing = (kaspi: KaspiModuleService, id: string) => mappingOr404((f) => kaspi.listKaspiSkuMappings(f), id, "SKU mapping")

/** POST /admin/kaspi/sku-mappings/:id: points the Kaspi SKU at another variant. */
export async function POST(req: MedusaRequest<{ variant_id: string }>, res: MedusaResponse<AdminKaspiSkuMappingResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  await existing(kaspi, req.params.id)
  const sku_mapping = await kaspi.updateKaspiSkuMappings({ id: req.params.id, variant_id: req.validatedBody.variant_id })
  res.json({ sku_mapping })
}

/** DELETE /admin/kaspi/sku-mappings/:id */
export async function DELETE(req: MedusaRequest, res: MedusaResponse<AdminKaspiMappingDeleteResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  await existing(kaspi, req.params.id)
  await kaspi.deleteKaspiSkuMappings(req.params.id)
  res.json({ id: req.params.id, object: "kaspi_sku_mapping", deleted: true })
}
