import { sdk } from "./sdk"
import { postKeepingError } from "./api"
import type { CardAttribute, CardCategory, CardImport, CardPreview, CardSources, ProductCardState } from "./cards-types"

const get = <T>(path: string, query?: Record<string, unknown>) => sdk.client.fetch<T>(path, { method: "GET", query })
const enc = encodeURIComponent

/** What the card form sends: the products, the leaf category and where each attribute's value comes from. */
export interface CardRequest {
  product_ids: string[]
  category: string
  sources: CardSources
}

/** A refused send keeps its whole 400 answer: the message lists each problem with its field. */
const post = <T>(path: string, body: object) => postKeepingError<T>(path, body as Record<string, unknown>)

/** The product card calls (README "Kaspi product cards"). */
export const cardsApi = {
  categories: (q: string, refresh = false) =>
    get<{ categories: CardCategory[]; count: number; fetched_at: string | null }>("/admin/kaspi/cards/categories", {
      q: q || undefined,
      limit: 30,
      ...(refresh ? { refresh: "true" } : {}),
    }),
  attributes: (category: string, refresh = false) =>
    get<{ category: string; attributes: CardAttribute[]; fetched_at: string | null }>("/admin/kaspi/cards/attributes", {
      category,
      ...(refresh ? { refresh: "true" } : {}),
    }),
  mapping: (category: string) => get<{ category: string; sources: CardSources }>("/admin/kaspi/cards/mapping", { category }),
  saveMapping: (category: string, sources: CardSources) =>
    post<{ category: string; sources: CardSources }>("/admin/kaspi/cards/mapping", { category, sources }),
  preview: (body: CardRequest) => post<{ cards: CardPreview[] }>("/admin/kaspi/cards/preview", body),
  send: (body: CardRequest) => post<{ import: CardImport | null; sent: string[]; unchanged: string[] }>("/admin/kaspi/cards/send", body),
  product: (productId: string) => get<ProductCardState>(`/admin/kaspi/cards/products/${enc(productId)}`),
  /** Asks Kaspi now where an import is (the job asks every minute) → the import with its cards. */
  refreshImport: (id: string) => post<{ import: CardImport }>(`/admin/kaspi/cards/imports/${enc(id)}/refresh`, {}),
  imports: (productId: string) => get<{ imports: CardImport[]; count: number }>("/admin/kaspi/cards/imports", { product_id: productId, limit: 5 }),
}
