import { useQuery } from "@tanstack/react-query"
import { cardsApi } from "./cards-api"

/** The card screens' keys start with "kaspi" like every Kaspi screen's (queries.ts). */
export const cardKeys = {
  categories: (q: string) => ["kaspi", "cards", "categories", q] as const,
  attributes: (category: string) => ["kaspi", "cards", "attributes", category] as const,
  mapping: (category: string) => ["kaspi", "cards", "mapping", category] as const,
  product: (id: string) => ["kaspi", "cards", "product", id] as const,
  imports: (id: string) => ["kaspi", "cards", "imports", id] as const,
}

/** While an import is with Kaspi (moderation takes minutes), its product is re-read every 10 s. */
const IMPORT_POLL_MS = 10_000
const waiting = (status?: string) => status === "sending" || status === "uploaded"

export function useCardCategories(q: string, enabled = true) {
  return useQuery({ queryKey: cardKeys.categories(q), queryFn: () => cardsApi.categories(q), enabled, staleTime: 60_000 })
}

export function useCardAttributes(category: string | null) {
  return useQuery({
    queryKey: cardKeys.attributes(category ?? ""),
    queryFn: () => cardsApi.attributes(category!),
    enabled: Boolean(category),
    staleTime: 60_000,
  })
}

export function useCardMapping(category: string | null) {
  return useQuery({ queryKey: cardKeys.mapping(category ?? ""), queryFn: () => cardsApi.mapping(category!), enabled: Boolean(category) })
}

export function useProductCards(productId: string) {
  return useQuery({
    queryKey: cardKeys.product(productId),
    queryFn: () => cardsApi.product(productId),
    refetchInterval: (q) => (q.state.data?.cards.some((c) => waiting(c.state)) ? IMPORT_POLL_MS : false),
  })
}

export function useCardImports(productId: string) {
  return useQuery({
    queryKey: cardKeys.imports(productId),
    queryFn: () => cardsApi.imports(productId),
    refetchInterval: (q) => (q.state.data?.imports.some((i) => waiting(i.status)) ? IMPORT_POLL_MS : false),
  })
}
