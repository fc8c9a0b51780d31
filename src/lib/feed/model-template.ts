import type { CatalogVariantRow } from "./types"

/** Titles Medusa gives a variant when the product has no options: they add nothing to a model name. */
const PLACEHOLDER_VARIANT_TITLES = new Set(["default variant", "default", "default title"])
// Lower-casing never shortens a string, so a longer title cannot be a placeholder.
const PLACEHOLDER_MAX_LENGTH = 15

function isPlaceholderTitle(title: string): boolean {
  return title.length <= PLACEHOLDER_MAX_LENGTH && PLACEHOLDER_VARIANT_TITLES.has(title.toLowerCase())
}

/** Whitespace that `replace(/\s+/g, " ")` would change: a run of two or more, or one that is not a plain space. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/

function metaText(meta: Record<string, unknown> | null, key: string): string {
  const v = meta?.[key]
  return typeof v === "string" || typeof v === "number" ? String(v) : ""
}

/**
 * Fills a model-name template such as "{product.title} {variant.title}".
 * Placeholders: {product.title} {product.subtitle} {product.type} {collection}
 * {variant.title} {sku} {brand} {product.metadata.KEY} {variant.metadata.KEY}.
 * Unknown placeholders become empty. Whitespace is collapsed, and a variant
 * title that only repeats the product title (or is Medusa's "Default variant")
 * is dropped.
 */
export function renderModel(template: string, row: CatalogVariantRow, extra: { sku: string; brand?: string }): string {
  return compileModelTemplate(template)(row, extra)
}

type Part = string | ((row: CatalogVariantRow, extra: { sku: string; brand?: string }, variantTitle: string) => string)
type CompiledTemplate = (row: CatalogVariantRow, extra: { sku: string; brand?: string }) => string

const compiled = new Map<string, CompiledTemplate>()

/** The template parsed once (a build renders it 100k times). */
export function compileModelTemplate(template: string): CompiledTemplate {
  const cached = compiled.get(template)
  if (cached) return cached
  const parts: Part[] = []
  let last = 0
  for (const m of template.matchAll(/\{([a-z_.]+(?:\.[^{}\s]+)?)\}/gi)) {
    if (m.index! > last) parts.push(template.slice(last, m.index))
    last = m.index! + m[0].length
    const name = m[1]
    if (name.startsWith("product.metadata.")) {
      const key = name.slice(17)
      parts.push((row) => metaText(row.product_metadata, key))
    } else if (name.startsWith("variant.metadata.")) {
      const key = name.slice(17)
      parts.push((row) => metaText(row.variant_metadata, key))
    } else {
      switch (name) {
        case "product.title": parts.push((row) => (row.product_title ?? "").trim()); break
        case "product.subtitle": parts.push((row) => row.product_subtitle ?? ""); break
        case "product.type": parts.push((row) => row.product_type ?? ""); break
        case "collection": parts.push((row) => row.collection_title ?? ""); break
        case "variant.title": parts.push((_row, _extra, variantTitle) => variantTitle); break
        case "sku": parts.push((_row, extra) => extra.sku); break
        case "brand": parts.push((_row, extra) => extra.brand ?? ""); break
        default: break // unknown placeholder: empty
      }
    }
  }
  if (last < template.length) parts.push(template.slice(last))
  const fn: CompiledTemplate = (row, extra) => {
    const productTitle = (row.product_title ?? "").trim()
    let variantTitle = (row.variant_title ?? "").trim()
    if (variantTitle === productTitle || isPlaceholderTitle(variantTitle)) variantTitle = ""
    let out = ""
    for (const p of parts) out += typeof p === "string" ? p : p(row, extra, variantTitle)
    // Most models have nothing to collapse: testing first saves building a new
    // string per model (a build renders 100k of them).
    return (NEEDS_COLLAPSE.test(out) ? out.replace(/\s+/g, " ") : out).trim()
  }
  if (compiled.size > 50) compiled.clear()
  compiled.set(template, fn)
  return fn
}
