import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../modules/kaspi"
import type KaspiModuleService from "../../../../modules/kaspi/service"
import { assertMedusaRecordExists } from "../mapping-checks"
import { retryOrdersWaitingForSku } from "../../../../lib/sync/retry-orders-waiting-for-sku"
import type { AdminCreateSkuMappingType, AdminListMappingsType } from "../validators"
import type { AdminKaspiSkuMappingCreateResponse, AdminKaspiSkuMappingsResponse } from "../../../../types"

/** GET /admin/kaspi/sku-mappings: Kaspi SKU → Medusa variant mappings. */
export async function GET(req: MedusaRequest, res: MedusaResponse<AdminKaspiSkuMappingsResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const q = req.validatedQuery as AdminListMappingsType
  const filters: Record<string, unknown> = {}
  if (q.account_id) filters.account_id = q.account_id
  if (q.q) filters.kaspi_sku = { $ilike: `%${q.q.replace(/[%_]/g, "")}%` }
  const [sku_mappings, count] = await kaspi.listAndCountKaspiSkuMappings(filters, {
    order: { kaspi_sku: "ASC" },
    skip: q.offset,
    take: q.limit,
  })
  res.json({ sku_mappings, count, offset: q.offset, limit: q.limit })
}

/**
 * POST /admin/kaspi/sku-mappings: maps a Kaspi SKU to a variant, then (by
 * default) re-imports the account's orders that were waiting for that SKU.
 */
export async function POST(req: MedusaRequest<AdminCreateSkuMappingType>, res: MedusaResponse<AdminKaspiSkuMappingCreateResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const body = req.validatedBody
  const accountId = kaspi.getAccount(body.account_id).id
  await assertMedusaRecordExists(req.scope, "product_variant", body.variant_id, "product variant")
  const sku_mapping = await kaspi.createKaspiSkuMappings({ account_id: accountId, kaspi_sku: body.kaspi_sku, variant_id: body.variant_id })
  const retried = body.retry ? await retryOrdersWaitingForSku(req.scope, accountId, body.kaspi_sku) : []
  res.status(201).json({ sku_mapping, retried })
}
