import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import { assertMedusaRecordExists } from "../mapping-checks"
import type { AdminCreateStoreMappingType, AdminListMappingsType } from "../validators"
import type { AdminKaspiStoreMappingResponse, AdminKaspiStoreMappingsResponse } from "../../../../types"

/** GET /admin/kaspi/store-mappings: Kaspi storeId (PP1…) ↔ Medusa stock location. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiStoreMappingsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListMappingsType
  const [store_mappings, count] = await kaspi.listAndCountKaspiStoreMappings(q.account_id ? { account_id: q.account_id } : {}, {
    order: { store_id: "ASC" },
    skip: q.offset,
    take: q.limit,
  })
  res.json({ store_mappings, count, offset: q.offset, limit: q.limit })
}

/** POST /admin/kaspi/store-mappings */
export async function POST(req: MedusaRequest<AdminCreateStoreMappingType>, res: MedusaResponse<AdminKaspiStoreMappingResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountId = kaspi.getAccount(body.account_id).id
  await assertMedusaRecordExists(req.scope, "stock_location", body.stock_location_id, "stock location")
  const store_mapping = await kaspi.createKaspiStoreMappings({ ...body, account_id: accountId })
  res.status(201).json({ store_mapping })
}
