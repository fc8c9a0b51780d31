import { attributeValue, readAttributeSource } from "./card-attribute-value"
import { checkCardImageUrl } from "./card-image-url"
import { kaspiCardSchema, type KaspiCard } from "./kaspi-card-schema"
import type { CardProblem, CardProduct, CardVariant, KaspiAttributeSource, KaspiCategoryAttribute } from "./card-types"

export interface KaspiCardInput {
  product: CardProduct
  variant: CardVariant
  /** How many variants the product has: with more than one, the variant's title joins the card's. */
  variantCount: number
  /** The leaf category the merchant chose ("Master - …"). */
  category: string
  /** The category's attributes, as Kaspi lists them. */
  attributes: KaspiCategoryAttribute[]
  /** Where each attribute's value comes from (the merchant's mapping for the category). */
  sources: Record<string, KaspiAttributeSource>
  /** Kaspi's recommended values of enum attributes, where loaded: another value is sent, with a warning. */
  enumValues?: Record<string, string[]>
  /** The brand, from the same source as the feed's. */
  brand: string | null
  /** The weight in kilograms, when the store knows its unit. */
  weightKg?: number | null
}

export type KaspiCardMapping = { ok: true; card: KaspiCard; warnings: CardProblem[] } | { ok: false; problems: CardProblem[]; warnings: CardProblem[] }

/** Kaspi shows the description as plain text: tags dropped, whitespace kept to single spaces and line breaks. */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim()
}

function cardTitle(input: KaspiCardInput): string {
  const variantTitle = input.variant.title?.trim()
  const own = input.variantCount > 1 && variantTitle && variantTitle.toLowerCase() !== "default" && variantTitle.toLowerCase() !== "default variant"
  return (own ? `${input.product.title} ${variantTitle}` : input.product.title).trim()
}

/**
 * A Medusa variant as one product of Kaspi's card import (API.md a.14), or
 * every reason it cannot be sent, each naming its field. Pure: the category's
 * attributes and the merchant's mapping come in with the product. Checked
 * against Kaspi's import schema before anything is sent; price and stock are
 * never part of it (they stay in the feed).
 */
export function mapKaspiCard(input: KaspiCardInput): KaspiCardMapping {
  const problems: CardProblem[] = []
  const warnings: CardProblem[] = []
  const known = new Map(input.attributes.map((a) => [a.code, a]))

  const sku = input.variant.sku?.trim() ?? ""
  if (!sku) problems.push({ field: "sku", reason: "the variant has no SKU" })
  const brand = input.brand?.trim() ?? ""
  if (!brand) problems.push({ field: "brand", reason: "no brand: set it in the product (the same source as the price list's)" })

  const images: string[] = []
  const candidates = [input.product.thumbnail, ...(input.product.images ?? [])].filter((u): u is string => Boolean(u))
  candidates.forEach((raw, i) => {
    const checked = checkCardImageUrl(raw)
    if (!checked.ok) problems.push({ field: `images[${i}]`, reason: `${raw}: ${checked.reason}` })
    else if (!images.includes(checked.url)) images.push(checked.url)
  })
  if (!candidates.length) problems.push({ field: "images", reason: "Kaspi needs at least one image" })

  for (const code of Object.keys(input.sources)) {
    if (!known.has(code)) problems.push({ field: `attributes.${code}`, reason: `not an attribute of ${input.category}` })
  }
  const attributes: KaspiCard["attributes"] = []
  for (const attr of input.attributes) {
    const source = input.sources[attr.code]
    const read = source ? attributeValue(attr, readAttributeSource(source, input.product, input.variant)) : ({ ok: true, value: undefined } as const)
    if (!read.ok) {
      problems.push({ field: `attributes.${attr.code}`, reason: read.reason })
      continue
    }
    if (read.value === undefined) {
      if (attr.mandatory) problems.push({ field: `attributes.${attr.code}`, reason: "mandatory in this category, and no value" })
      continue
    }
    const recommended = input.enumValues?.[attr.code]
    if (attr.type === "enum" && recommended?.length) {
      const off = (Array.isArray(read.value) ? read.value : [String(read.value)]).filter((v) => !recommended.includes(v))
      if (off.length) warnings.push({ field: `attributes.${attr.code}`, reason: `not among Kaspi's values: ${off.join(", ")}` })
    }
    attributes.push({ code: attr.code, value: read.value })
  }

  const description = input.product.description ? plainText(input.product.description) : ""
  const card = {
    sku,
    title: cardTitle(input),
    brand,
    category: input.category,
    ...(description ? { description } : {}),
    ...(input.weightKg && input.weightKg > 0 ? { weight: String(input.weightKg) } : {}),
    attributes,
    images: images.map((url) => ({ url })),
  }
  // Kaspi's own limits (lengths, patterns, counts), once the fields above are in its shape.
  const checked = kaspiCardSchema.safeParse(card)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.length ? issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") : "card"
      // Already said above in the merchant's words: an empty SKU, brand or image list.
      if (problems.some((p) => p.field === field || (field === "images" && p.field.startsWith("images")))) continue
      problems.push({ field: field.replace(/^attributes\[(\d+)\]/, (_, i) => `attributes.${attributes[Number(i)]?.code ?? i}`), reason: issue.message })
    }
  }
  return problems.length ? { ok: false, problems, warnings } : { ok: true, card: checked.success ? checked.data : card, warnings }
}

