import { z } from "@medusajs/framework/zod"

/**
 * One product of `POST /products/import` as Kaspi's import JSON Schema
 * describes it (API.md a.14, `GET /products/import/schema`, draft-04): the
 * limits are Kaspi's, checked here before anything is sent so a refusal names
 * the field instead of coming back from Kaspi's moderation an hour later.
 * Price, stock and pre-order are not part of a card: they stay in the feed.
 */
export const KASPI_CARD_LIMITS = {
  sku: 64,
  title: 1024,
  brand: 256,
  category: 512,
  description: 1024,
  weight: 256,
  attributes: 256,
  attributeCode: 256,
  attributeText: 256,
  multiValues: 32,
  imageUrl: 1024,
  productsPerImport: 10_000,
} as const

const L = KASPI_CARD_LIMITS
const text = (max: number) => z.string().min(1).max(max)

/** "Master - Photo cameras": only leaf categories are accepted (Kaspi checks that; the pattern is the schema's). */
export const KASPI_CATEGORY_CODE = /^Master ?-[a-zA-Z_\s\d-]+$/
/** "Photo cameras*Camera matrix.photo cameras*type" */
export const KASPI_ATTRIBUTE_CODE = /^([a-zA-Z_\s\d&.\-#%/,]+\*)+[a-zA-Z_\s\d&.\-#%/,]+$/

const attributeValue = z.union([
  z
    .array(text(L.attributeText))
    .min(1)
    .max(L.multiValues)
    .refine((values) => new Set(values).size === values.length, "the values must be different"),
  text(L.attributeText),
  z.number().finite(),
  z.boolean(),
])

export const kaspiCardSchema = z
  .object({
    sku: text(L.sku),
    title: text(L.title),
    brand: text(L.brand),
    category: text(L.category).regex(KASPI_CATEGORY_CODE, "not a Kaspi category code (\"Master - …\")"),
    description: text(L.description).optional(),
    weight: text(L.weight).optional(),
    attributes: z
      .array(z.object({ code: text(L.attributeCode).regex(KASPI_ATTRIBUTE_CODE, "not a Kaspi attribute code"), value: attributeValue }).strict())
      .min(1)
      .max(L.attributes),
    images: z
      .array(z.object({ url: text(L.imageUrl).regex(/^https?:\/\//, "not an http(s) URL") }).strict())
      .min(1)
      .refine((images) => new Set(images.map((i) => i.url)).size === images.length, "the same image twice"),
  })
  .strict()

export type KaspiCard = z.infer<typeof kaspiCardSchema>
