import { KASPI_CARD_LIMITS } from "./kaspi-card-schema"
import type { KaspiAttributeSource, KaspiAttributeValue, KaspiCategoryAttribute, CardProduct, CardVariant } from "./card-types"

type Read = { ok: true; value: KaspiAttributeValue } | { ok: false; reason: string } | { ok: true; value: undefined }

const TRUE = new Set(["true", "yes", "да", "1"])
const FALSE = new Set(["false", "no", "нет", "0"])

/** The raw value a source points at, or undefined when the product has none. */
export function readAttributeSource(source: KaspiAttributeSource, product: CardProduct, variant: CardVariant): unknown {
  switch (source.from) {
    case "value":
      return source.value
    case "product":
      return product[source.field]
    case "variant":
      return variant[source.field]
    case "option":
      return variant.options?.[source.title]
    case "metadata":
      return (source.of === "product" ? product.metadata : variant.metadata)?.[source.key]
  }
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && !v.trim()) || (Array.isArray(v) && !v.length)

/** One scalar in the attribute's type (Kaspi takes enum and string values as text, numbers and booleans as JSON). */
function scalar(type: KaspiCategoryAttribute["type"], v: unknown): { ok: true; value: string | number | boolean } | { ok: false; reason: string } {
  if (type === "boolean") {
    if (typeof v === "boolean") return { ok: true, value: v }
    const s = String(v).trim().toLowerCase()
    if (TRUE.has(s)) return { ok: true, value: true }
    if (FALSE.has(s)) return { ok: true, value: false }
    return { ok: false, reason: `"${String(v)}" is not yes or no` }
  }
  if (type === "number") {
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim().replace(",", ".")) : NaN
    return Number.isFinite(n) && (typeof v === "number" || String(v).trim() !== "") ? { ok: true, value: n } : { ok: false, reason: `"${String(v)}" is not a number` }
  }
  if (typeof v !== "string" && typeof v !== "number") return { ok: false, reason: `a ${typeof v} is not text` }
  const s = String(v).trim()
  if (s.length > KASPI_CARD_LIMITS.attributeText) return { ok: false, reason: `${s.length} characters, over Kaspi's ${KASPI_CARD_LIMITS.attributeText}` }
  return { ok: true, value: s }
}

/**
 * A value read from the product, in the form Kaspi's import takes for this
 * attribute: its type, one value or (multi-valued only) up to 32 different
 * ones. Undefined when there is nothing to send.
 */
export function attributeValue(attr: KaspiCategoryAttribute, raw: unknown): Read {
  if (blank(raw)) return { ok: true, value: undefined }
  const many = Array.isArray(raw) ? raw : [raw]
  if (!attr.multiValued && many.length > 1) return { ok: false, reason: `takes one value, not ${many.length}` }
  if (many.length > KASPI_CARD_LIMITS.multiValues) return { ok: false, reason: `takes at most ${KASPI_CARD_LIMITS.multiValues} values, not ${many.length}` }
  const values: Array<string | number | boolean> = []
  for (const v of many) {
    const one = scalar(attr.type, v)
    if (!one.ok) return one
    values.push(one.value)
  }
  if (new Set(values).size !== values.length) return { ok: false, reason: "the same value twice" }
  if (values.length === 1) return { ok: true, value: values[0] }
  // Only text values come as a list (the schema's array is of strings).
  if (values.some((v) => typeof v !== "string")) return { ok: false, reason: `Kaspi takes several values only as text, not as ${attr.type}s` }
  return { ok: true, value: values as string[] }
}
