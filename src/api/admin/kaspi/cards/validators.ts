import { z } from "@medusajs/framework/zod"

const accountId = z.string().min(1).optional()
const refresh = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .optional()
  .transform((v) => v === true || v === "true" || v === "1")
const category = z.string().trim().min(1).max(512)

/** KaspiAttributeSource (lib/cards/card-types.ts): where one attribute's value comes from. */
const attributeValue = z.union([z.string(), z.number().finite(), z.boolean(), z.array(z.string()).max(32)])
export const KaspiAttributeSourceSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("value"), value: attributeValue }).strict(),
  z.object({ from: z.literal("product"), field: z.string().min(1).max(128) }).strict(),
  z.object({ from: z.literal("variant"), field: z.string().min(1).max(128) }).strict(),
  z.object({ from: z.literal("option"), title: z.string().min(1).max(256) }).strict(),
  z.object({ from: z.literal("metadata"), of: z.enum(["product", "variant"]), key: z.string().min(1).max(256) }).strict(),
])
const sources = z.record(z.string().min(1).max(256), KaspiAttributeSourceSchema)

/** GET /admin/kaspi/cards/categories */
export const AdminKaspiCardCategories = z.object({
  account_id: accountId,
  q: z.string().trim().max(200).optional(),
  refresh,
  limit: z.coerce.number().int().min(1).max(5000).default(50),
})
export type AdminKaspiCardCategoriesType = z.infer<typeof AdminKaspiCardCategories>

/** GET /admin/kaspi/cards/attributes */
export const AdminKaspiCardAttributes = z.object({ account_id: accountId, category, refresh })
export type AdminKaspiCardAttributesType = z.infer<typeof AdminKaspiCardAttributes>

/** GET /admin/kaspi/cards/mapping */
export const AdminKaspiCardMapping = z.object({ account_id: accountId, category })
export type AdminKaspiCardMappingType = z.infer<typeof AdminKaspiCardMapping>

/** POST /admin/kaspi/cards/mapping */
export const AdminSaveKaspiCardMapping = z.object({ account_id: accountId, category, sources }).strict()
export type AdminSaveKaspiCardMappingType = z.infer<typeof AdminSaveKaspiCardMapping>

/** POST /admin/kaspi/cards/preview and /admin/kaspi/cards/send */
export const AdminKaspiCardsSend = z
  .object({
    account_id: accountId,
    product_ids: z.array(z.string().min(1)).min(1).max(500),
    category,
    sources: sources.optional(),
  })
  .strict()
export type AdminKaspiCardsSendType = z.infer<typeof AdminKaspiCardsSend>

/** GET /admin/kaspi/cards/imports */
export const AdminListKaspiCardImports = z.object({
  account_id: accountId,
  product_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListKaspiCardImportsType = z.infer<typeof AdminListKaspiCardImports>

/** GET /admin/kaspi/cards/products/:id */
export const AdminKaspiProductCards = z.object({ account_id: accountId })
export type AdminKaspiProductCardsType = z.infer<typeof AdminKaspiProductCards>
