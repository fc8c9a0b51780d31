import { z } from "@medusajs/framework/zod"

/**
 * Zod schemas for the product content API's answers (API.md a.14, payload 12). Plain JSON, not
 * JSON:API. Loose like the order schemas: unknown fields are kept, and what a feature can do
 * without (titles, flags, counts, messages) may be missing or null. Codes are required: nothing
 * can be asked or imported without them.
 */

const code = z.union([z.string().min(1), z.number()]).transform(String)

export const kaspiCategorySchema = z.looseObject({ code: z.string().min(1), title: z.string().nullish() })

export const kaspiCategoryAttributeSchema = z.looseObject({
  code: z.string().min(1),
  // "boolean" | "enum" | "string" | "number" today; kept as sent so a new type is seen, not refused.
  type: z.string().min(1),
  multiValued: z.boolean().nullish(),
  mandatory: z.boolean().nullish(),
})

export const kaspiAttributeValueSchema = z.looseObject({ code, name: z.string().nullish() })

/** `POST /products/import` and `GET /products/import?i=`. */
export const kaspiImportStatusSchema = z.looseObject({
  code,
  status: z.string().min(1),
  description: z.string().nullish(),
})

const count = z.number().int().nonnegative().nullish()

export const kaspiImportResultSchema = z.looseObject({
  errors: count,
  warnings: count,
  skipped: count,
  total: count,
  result: z.record(z.string(), z.looseObject({ state: z.string().nullish() })),
})

/** The JSON Schema document itself: only "an object" is checked. */
export const kaspiImportSchemaDocumentSchema = z.looseObject({})
