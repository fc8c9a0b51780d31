import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { findFeedConfig } from "../feed/feed-store"
import { brandOf } from "../feed/brand-of"
import { DEFAULT_FEED_SETTINGS } from "../feed/settings"
import { cardHash } from "./card-hash"
import type { CardProblem, KaspiAttributeSource, KaspiCategoryAttribute } from "./card-types"
import type { KaspiCard } from "./kaspi-card-schema"
import { mapKaspiCard } from "./map-kaspi-card"
import { readCardProducts } from "./read-card-products"

export interface PrepareKaspiCardsInput {
  account_id: string
  product_ids: string[]
  /** A leaf category code ("Master - …") from Kaspi's list. */
  category: string
  /** Where each attribute's value comes from; the mapping saved for the category when left out. */
  sources?: Record<string, KaspiAttributeSource>
}

export interface PreparedKaspiCard {
  product_id: string
  variant_id: string
  sku: string
  ok: boolean
  card: KaspiCard | null
  card_hash: string | null
  problems: CardProblem[]
  warnings: CardProblem[]
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Every variant of the products as a Kaspi card (lib/cards/map-kaspi-card.ts),
 * with the category's attributes and enum values from the cached classification,
 * the brand from the feed's brand source and the merchant's mapping. Nothing is
 * sent. A category Kaspi does not list as a leaf, or a product not found, is
 * refused with the field named.
 */
export async function prepareKaspiCards(container: MedusaContainer, input: PrepareKaspiCardsInput): Promise<PreparedKaspiCard[]> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const { classification, mappings } = kaspi.cards()
  const leaf = (await classification.leafCategory(input.account_id, input.category)).data
  const attributes = leaf as KaspiCategoryAttribute[]
  // Which of the two a card carries is not documented (API.md a.14: `[{code, name}]`): either is taken as Kaspi's.
  const enumValues = Object.fromEntries(
    leaf.filter((a) => a.values).map((a) => [a.code, [...new Set(a.values!.flatMap((v) => (v.name ? [v.code, v.name] : [v.code])))]])
  )
  const sources = input.sources ?? (await mappings.get(input.account_id, input.category)) ?? {}
  const settings = (await findFeedConfig(kaspi, input.account_id))?.settings ?? DEFAULT_FEED_SETTINGS

  const products = await readCardProducts(container, input.product_ids)
  const missing = input.product_ids.filter((id) => !products.some((p) => p.id === id))
  if (missing.length) throw invalid(`product_ids: not found: ${missing.join(", ")}`)

  const out: PreparedKaspiCard[] = []
  for (const id of input.product_ids) {
    const p = products.find((x) => x.id === id)!
    const brand = brandOf(p.brandRow, settings) || null
    for (const v of p.variants) {
      const mapped = mapKaspiCard({
        product: p.product,
        variant: v.variant,
        variantCount: p.variants.length,
        category: input.category,
        attributes,
        sources,
        enumValues,
        brand,
        weightKg: v.weightKg,
      })
      out.push({
        product_id: p.id,
        variant_id: v.id,
        sku: v.variant.sku?.trim() ?? "",
        ok: mapped.ok,
        card: mapped.ok ? mapped.card : null,
        card_hash: mapped.ok ? cardHash(mapped.card) : null,
        problems: mapped.ok ? [] : mapped.problems,
        warnings: mapped.warnings,
      })
    }
  }
  // Kaspi keys a card by its SKU: two variants with one SKU would overwrite each other.
  const perSku = new Map<string, number>()
  for (const c of out) if (c.sku) perSku.set(c.sku, (perSku.get(c.sku) ?? 0) + 1)
  for (const c of out) {
    if (c.sku && perSku.get(c.sku)! > 1) {
      c.ok = false
      c.card = null
      c.card_hash = null
      c.problems.push({ field: "sku", reason: "the same SKU is on another variant" })
    }
  }
  return out
}

/** One line per problem, "sku: field — reason", as the send refuses bad input. */
export function describeCardProblems(cards: PreparedKaspiCard[]): string | null {
  const lines = cards.flatMap((c) => c.problems.map((p) => `${c.sku || c.variant_id}: ${p.field} — ${p.reason}`))
  return lines.length ? `Kaspi cards not sent, nothing changed: ${lines.join("; ")}` : null
}
