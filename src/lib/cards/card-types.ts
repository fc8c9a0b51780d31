/** An attribute of a Kaspi category (API.md a.14: `GET /products/classification/attributes?c=`). */
export interface KaspiCategoryAttribute {
  code: string
  type: "boolean" | "enum" | "string" | "number"
  multiValued: boolean
  mandatory: boolean
}

export type KaspiAttributeValue = string | number | boolean | string[]

/**
 * Where one attribute's value comes from, as the merchant saves it per
 * category: a fixed value, a product or variant field, an option of the
 * variant (by its title), or a metadata key.
 */
export type KaspiAttributeSource =
  | { from: "value"; value: KaspiAttributeValue }
  | { from: "product" | "variant"; field: string }
  | { from: "option"; title: string }
  | { from: "metadata"; of: "product" | "variant"; key: string }

/** What the mapping reads of a Medusa product. */
export interface CardProduct {
  title: string
  description?: string | null
  thumbnail?: string | null
  images?: string[]
  metadata?: Record<string, unknown> | null
  /** Other product fields a source may name (subtitle, material, origin_country, …). */
  [field: string]: unknown
}

/** What the mapping reads of one of its variants (a Kaspi card is one SKU). */
export interface CardVariant {
  sku?: string | null
  title?: string | null
  /** Option title → value ("Цвет" → "чёрный"). */
  options?: Record<string, string>
  metadata?: Record<string, unknown> | null
  [field: string]: unknown
}

/** A field the card cannot be sent with, named as the merchant sees it ("attributes.<code>", "images[2]"). */
export interface CardProblem {
  field: string
  reason: string
}
