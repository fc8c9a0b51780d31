import type { MedusaContainer, ProductDTO, ProductVariantDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CardProduct, CardVariant } from "./card-types"

/** Variant metadata key of the SKU the feed publishes instead of the Medusa SKU (lib/feed META.sku): a card must carry the same. */
const KASPI_SKU_KEY = "kaspi_sku"
/** Product or variant metadata key of the weight in kilograms: Medusa's own weight field has no unit. */
export const KASPI_WEIGHT_KEY = "kaspi_weight_kg"

export interface CardSourceProduct {
  id: string
  product: CardProduct
  /** What the feed's brand source reads (lib/feed/brand-of.ts). */
  brandRow: { product_metadata: Record<string, unknown> | null; product_type: string | null; collection_title: string | null }
  variants: Array<{ id: string; variant: CardVariant; weightKg: number | null }>
}

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v.replace(",", ".")) : NaN
  return Number.isFinite(n) && n > 0 ? n : null
}

/** The products with their variants, options, images and metadata, in the shape the card mapping reads. */
export async function readCardProducts(container: MedusaContainer, productIds: string[]): Promise<CardSourceProduct[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["*", "images.url", "type.value", "collection.title", "variants.*", "variants.options.value", "variants.options.option.title"],
    filters: { id: productIds },
  })
  return (data as ProductDTO[]).map((p) => {
    const { images, type, collection, variants, ...fields } = p
    const product: CardProduct = { ...fields, title: p.title ?? "", images: (images ?? []).map((i) => i.url).filter(Boolean) }
    return {
      id: p.id,
      product,
      brandRow: { product_metadata: p.metadata ?? null, product_type: type?.value ?? null, collection_title: collection?.title ?? null },
      // In the admin's order (variant_rank), then by SKU: the import file and the preview list them alike every time.
      variants: ((variants ?? []) as ProductVariantDTO[])
        .sort((a, b) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0) || String(a.sku ?? "").localeCompare(String(b.sku ?? "")))
        .map((v) => {
          const { options, ...vf } = v
          const opts: Record<string, string> = {}
          for (const o of options ?? []) if (o?.option?.title) opts[o.option.title] = o.value
          const kaspiSku = v.metadata?.[KASPI_SKU_KEY]
          return {
            id: v.id,
            variant: { ...vf, sku: typeof kaspiSku === "string" && kaspiSku.trim() ? kaspiSku.trim() : v.sku, options: opts },
            weightKg: num(v.metadata?.[KASPI_WEIGHT_KEY]) ?? num(p.metadata?.[KASPI_WEIGHT_KEY]),
          }
        }),
    }
  })
}
