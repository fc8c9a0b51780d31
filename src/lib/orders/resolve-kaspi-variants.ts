import type { MedusaContainer, ProductVariantDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { ResolvedVariant } from "./map-kaspi-order"

// Module services directly rather than query.graph: this runs once per imported
// order, and query.graph's remote-query layer costs more than these two reads.
const VARIANT_CONFIG = { select: ["id", "sku", "title", "product.id", "product.title"], relations: ["product"] }

/** Kaspi offer code → variant: the account's SKU mappings first, then variant SKU equality. */
export async function resolveKaspiVariants(container: MedusaContainer, accountId: string, skus: string[]): Promise<Map<string, ResolvedVariant>> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const products = container.resolve(Modules.PRODUCT)
  const mappings = await kaspi.listKaspiSkuMappings({ account_id: accountId, kaspi_sku: skus })
  const mappedVariantIds = [...new Set(mappings.map((m) => m.variant_id))]
  const [byId, bySku] = await Promise.all([
    mappedVariantIds.length ? products.listProductVariants({ id: mappedVariantIds }, VARIANT_CONFIG) : Promise.resolve<ProductVariantDTO[]>([]),
    products.listProductVariants({ sku: skus }, VARIANT_CONFIG),
  ])
  const toResolved = (v: ProductVariantDTO): ResolvedVariant => ({
    variant_id: v.id,
    sku: v.sku,
    title: v.title,
    product_id: v.product?.id,
    product_title: v.product?.title,
  })
  const result = new Map<string, ResolvedVariant>()
  for (const v of bySku) if (v.sku) result.set(v.sku, toResolved(v))
  for (const m of mappings) {
    const v = byId.find((x) => x.id === m.variant_id)
    if (v) result.set(m.kaspi_sku, toResolved(v)) // an explicit mapping beats SKU equality
  }
  return result
}
