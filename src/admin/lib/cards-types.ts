/**
 * The product card answers as the browser receives them: the server's own
 * types (src/types/admin-cards.ts), imported type-only, with dates as ISO
 * strings (Jsonified). Only the names are the admin's.
 */
import type {
  AdminKaspiCardCategoriesResponse,
  AdminKaspiProductCardsResponse,
  Jsonified,
  KaspiAttributeSource,
  KaspiCardAttributeView,
  KaspiCardImportStatus,
  KaspiCardImportView,
  KaspiCardPreview,
  KaspiCardState,
} from "../../types"

export type CardCategory = AdminKaspiCardCategoriesResponse["categories"][number]
export type CardAttribute = KaspiCardAttributeView
export type CardPreview = Jsonified<KaspiCardPreview>
export type CardImport = Jsonified<KaspiCardImportView>
export type CardImportStatus = KaspiCardImportStatus
export type ProductCardState = Jsonified<AdminKaspiProductCardsResponse>
export type CardState = KaspiCardState
export type CardSources = Record<string, KaspiAttributeSource>
