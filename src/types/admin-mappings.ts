import type { z } from "@medusajs/framework/zod"
import type { InferTypeOf } from "@medusajs/framework/types"
import type { AdminCreateSkuMapping, AdminCreateStoreMapping, AdminUpdateStoreMapping } from "../api/admin/kaspi/validators"
import type { KaspiSkuMapping, KaspiStoreMapping } from "../modules/kaspi/models"

/** POST /admin/kaspi/sku-mappings */
export type AdminCreateSkuMappingRequest = z.input<typeof AdminCreateSkuMapping>
/** POST /admin/kaspi/store-mappings */
export type AdminCreateStoreMappingRequest = z.input<typeof AdminCreateStoreMapping>
/** POST /admin/kaspi/store-mappings/:id */
export type AdminUpdateStoreMappingRequest = z.input<typeof AdminUpdateStoreMapping>

/** Kaspi SKU → Medusa variant. */
export type KaspiSkuMappingRecord = InferTypeOf<typeof KaspiSkuMapping>
/** Kaspi storeId (PP1…) → stock location, with the feed's stock buffer and pre-order days. */
export type KaspiStoreMappingRecord = InferTypeOf<typeof KaspiStoreMapping>

/** GET /admin/kaspi/store-mappings */
export interface AdminKaspiStoreMappingsResponse {
  store_mappings: KaspiStoreMappingRecord[]
  count: number
  offset: number
  limit: number
}

/** POST /admin/kaspi/store-mappings and /store-mappings/:id */
export interface AdminKaspiStoreMappingResponse {
  store_mapping: KaspiStoreMappingRecord
}

/** GET /admin/kaspi/sku-mappings */
export interface AdminKaspiSkuMappingsResponse {
  sku_mappings: KaspiSkuMappingRecord[]
  count: number
  offset: number
  limit: number
}

/** DELETE /admin/kaspi/sku-mappings/:id and /store-mappings/:id */
export interface AdminKaspiMappingDeleteResponse {
  id: string
  object: "kaspi_sku_mapping" | "kaspi_store_mapping"
  deleted: true
}

/** An order that was waiting for the new SKU mapping and was read again from Kaspi. */
export interface KaspiSkuRetry {
  code: string
  /** The import's outcome for that order (imported, needs_attention, …). */
  outcome: string
}

/** POST /admin/kaspi/sku-mappings (201) */
export interface AdminKaspiSkuMappingCreateResponse {
  sku_mapping: KaspiSkuMappingRecord
  /** Orders re-imported right away (the body's `retry`, on by default). */
  retried: KaspiSkuRetry[]
}

/** POST /admin/kaspi/sku-mappings/:id */
export interface AdminKaspiSkuMappingResponse {
  sku_mapping: KaspiSkuMappingRecord
}
