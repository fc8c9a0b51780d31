// The per-SKU check of an import that passed the schema: the product against its category's
// attributes (API.md a.14: only leaf categories; each category defines its attributes, their
// types, which are mandatory and which take several values). Kaspi does not publish these
// rules' messages; the outcomes are the sandbox's (README, "Content API"):
// - error: the card is not created (unknown or non-leaf category, unknown attribute code, the
//   same code twice, a mandatory attribute missing or with a value it can't take);
// - warning: the card is created without an optional attribute whose value it can't take.

import { categoryByCode, isLeaf, type ContentAttribute } from "./catalog"

export interface ProductCheck {
  errors: string[]
  warnings: string[]
}

/** A product as payload 13 allows it (the schema has already been checked). */
interface SchemaProduct {
  category: string
  attributes: Array<{ code: string; value: unknown }>
}

/** Why this value does not fit the attribute; null when it does. */
function valueProblem(a: ContentAttribute, value: unknown): string | null {
  if (Array.isArray(value)) {
    // Payload 13: "Array could be used for multivalued attributes only."
    if (!a.multiValued) return "takes one value, not a list"
    for (const v of value) {
      const p = valueProblem(a, v)
      if (p) return p
    }
    return null
  }
  const wanted = a.type === "enum" ? "string" : a.type
  if (typeof value !== wanted) return `must be a ${a.type === "enum" ? "string (one of the attribute's values)" : a.type}, not ${typeof value}`
  if (a.type === "enum" && !a.values.some((v) => v.code === value)) return `"${String(value)}" is not one of the attribute's values`
  return null
}

export function checkProduct(product: SchemaProduct): ProductCheck {
  const category = categoryByCode(product.category)
  if (!category) return { errors: [`Category "${product.category}" does not exist`], warnings: [] }
  if (!isLeaf(category)) return { errors: [`Category "${product.category}" is not a leaf category; only leaf categories are accepted`], warnings: [] }

  const errors: string[] = []
  const warnings: string[] = []
  const given = new Set<string>()
  for (const { code, value } of product.attributes) {
    const a = category.attributes.find((x) => x.code === code)
    if (!a) {
      errors.push(`Attribute "${code}" does not belong to category "${category.code}"`)
      continue
    }
    if (given.has(code)) {
      errors.push(`Attribute "${code}" is given more than once`)
      continue
    }
    given.add(code)
    const problem = valueProblem(a, value)
    if (!problem) continue
    if (a.mandatory) errors.push(`Mandatory attribute "${code}" ${problem}`)
    else warnings.push(`Attribute "${code}" was not saved: it ${problem}`)
  }
  for (const a of category.attributes) {
    if (a.mandatory && !given.has(a.code)) errors.push(`Mandatory attribute "${a.code}" is missing`)
  }
  return { errors, warnings }
}
