import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * The SKU and store mapping routes' checks: a mapping points at a Medusa
 * record that exists (checked before anything is stored), and a mapping asked
 * for by id exists.
 */
export async function assertMedusaRecordExists(scope: MedusaContainer, entity: "product_variant" | "stock_location", id: string, label: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `No ${label} "${id}"`)
}

export async function mappingOr404<M>(list: (filters: { id: string }) => Promise<M[]>, id: string, label: string): Promise<M> {
  const [m] = await list({ id })
  if (!m) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No ${label} "${id}"`)
  return m
}
