import type { z } from "@medusajs/framework/zod"
import type { AdminKaspiCardsSend, AdminSaveKaspiCardMapping } from "../api/admin/kaspi/cards/validators"
import type { KaspiCardState } from "../modules/kaspi/models/kaspi-card"
import type { KaspiCardImportStatus } from "../modules/kaspi/models/kaspi-card-import"
import type { CardProblem, KaspiAttributeSource } from "../lib/cards/card-types"
import type { KaspiCard } from "../lib/cards/kaspi-card-schema"

export type { KaspiCardState, KaspiCardImportStatus, CardProblem, KaspiAttributeSource, KaspiCard }

/** POST /admin/kaspi/cards/preview and /send */
export type AdminKaspiCardsSendRequest = z.input<typeof AdminKaspiCardsSend>
/** POST /admin/kaspi/cards/mapping */
export type AdminSaveKaspiCardMappingRequest = z.input<typeof AdminSaveKaspiCardMapping>

/** GET /admin/kaspi/cards/categories: Kaspi's leaf categories, filtered by `q`, from the cache. */
export interface AdminKaspiCardCategoriesResponse {
  categories: Array<{ code: string; title: string | null }>
  /** How many match `q` (the list holds the first `limit`). */
  count: number
  fetched_at: Date
}

export interface KaspiCardAttributeView {
  code: string
  type: string
  multiValued: boolean
  mandatory: boolean
  /** An enum's recommended values (Kaspi's); absent for other types. */
  values?: Array<{ code: string; name: string | null }>
}

/** GET /admin/kaspi/cards/attributes: mandatory ones first. */
export interface AdminKaspiCardAttributesResponse {
  category: string
  attributes: KaspiCardAttributeView[]
  fetched_at: Date
}

/** GET and POST /admin/kaspi/cards/mapping: `sources` is {} when none is saved. */
export interface AdminKaspiCardMappingResponse {
  category: string
  sources: Record<string, KaspiAttributeSource>
}

/** One variant's card as the preview shows it (nothing sent). */
export interface KaspiCardPreview {
  product_id: string
  variant_id: string
  sku: string
  ok: boolean
  card: KaspiCard | null
  problems: CardProblem[]
  warnings: CardProblem[]
  /** The same card was already sent (and Kaspi did not refuse it): a send leaves it out. */
  unchanged: boolean
}

export interface AdminKaspiCardsPreviewResponse {
  cards: KaspiCardPreview[]
}

/** Kaspi's word on one SKU of a finished import. */
export interface KaspiCardSkuResultView {
  outcome: "imported" | "error" | "warning" | "skipped" | "unknown"
  state: string | null
  messages: string[]
}

/** One card import (kaspi_card_import). */
export interface KaspiCardImportView {
  id: string
  account_id: string
  /** Kaspi's code; null until Kaspi answered (and when sending failed). */
  import_code: string | null
  status: KaspiCardImportStatus
  /** The status as Kaspi named it. */
  status_name: string | null
  /** Kaspi's description (why an import was aborted). */
  description: string | null
  category: string | null
  skus: string[]
  product_ids: string[]
  errors: number | null
  warnings: number | null
  skipped: number | null
  total: number | null
  result: Record<string, KaspiCardSkuResultView> | null
  /** Why sending failed ("timeout: …"), or why the import was given up on. */
  error: string | null
  sent_at: Date | null
  finished_at: Date | null
  checked_at: Date | null
  checks: number
  created_at: Date
}

/** POST /admin/kaspi/cards/send: `import` null when every card was unchanged. */
export interface AdminKaspiCardsSendResponse {
  import: KaspiCardImportView | null
  /** The SKUs Kaspi took in this import (empty when sending failed: see import.error). */
  sent: string[]
  /** The SKUs whose identical card was already sent. */
  unchanged: string[]
}

/** One card (kaspi_card) as the product page and an import show it. */
export interface KaspiCardView {
  product_id: string
  variant_id: string
  sku: string
  category: string
  state: KaspiCardState
  messages: string[]
  import_id: string | null
  updated_at: Date
}

export interface AdminKaspiCardImportsResponse {
  imports: KaspiCardImportView[]
  count: number
}

export interface AdminKaspiCardImportResponse {
  import: KaspiCardImportView
  cards: KaspiCardView[]
}

/** GET /admin/kaspi/cards/products/:id: `category` is the one its cards were last sent in (null if none). */
export interface AdminKaspiProductCardsResponse {
  product_id: string
  category: string | null
  cards: KaspiCardView[]
}
