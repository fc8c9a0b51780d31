import fc from "fast-check"

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Path = Array<string | number>

/** Strings Kaspi (or a proxy in front of it) could hand us: every script, controls, NUL, lone surrogates, RTL, very long. */
const NASTY = ["", " ", "\u0000", "\u0000abc", "\uD800", "\uDFFF", "\u202Eкод", "🇰🇿", "ӘҒҚҢӨҰҮҺІ", "𝕂𝕒𝕤𝕡𝕚", "'; drop table kaspi_order; --", "<script>", "%s%n", "\\", "\"", "\r\n", "NaN", "null", "undefined", "٣٤٥", "x".repeat(5000)]
export const hostileString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }))
/** Numbers JSON can carry that no sane Kaspi field holds. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, 1e21, -1, -0, 0, 0.5, -0.01, 5e-324, 4294967296, 2 ** 31),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 })
)
const unknownEnum = fc.constantFrom("UNKNOWN", "ARCHIVED_FOREVER", "approved_by_bank", "NEW ", "СТАТУС", "", "KASPI_DELIVERY_RETURN_REQUESTED_2")
const wrongType = fc.oneof(
  hostileNumber,
  hostileString,
  fc.boolean(),
  fc.constant([] as Json[]),
  fc.constant({} as Json),
  fc.constant([1, "a", null] as Json[])
)

export type Mutation =
  | { kind: "delete" | "null" | "duplicate"; at: number }
  | { kind: "set"; at: number; value: Json; why: string }

/** One mutation: what to do and where (an index into the document's paths, taken modulo their count). */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("null" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: wrongType as fc.Arbitrary<Json>, why: fc.constant("wrong type") }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: hostileNumber as fc.Arbitrary<Json>, why: fc.constant("hostile number") }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: hostileString as fc.Arbitrary<Json>, why: fc.constant("unicode") }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: unknownEnum as fc.Arbitrary<Json>, why: fc.constant("unknown enum") })
)

function paths(doc: Json, prefix: Path = []): Path[] {
  if (doc === null || typeof doc !== "object") return [prefix]
  const children = Array.isArray(doc) ? doc.map((v, i) => [i, v] as const) : Object.entries(doc)
  return [prefix, ...children.flatMap(([k, v]) => paths(v, [...prefix, k]))]
}

/** The paths worth hitting most: fields of the orders and entries (attributes), not the JSON:API plumbing. */
function targets(doc: Json, focus: (p: Path) => boolean): Path[] {
  const all = paths(doc).filter((p) => p.length > 0)
  const focused = all.filter(focus)
  return focused.length ? focused : all
}

/**
 * Applies mutations to a deep copy of `doc`. Paths are chosen among those
 * `focus` accepts (by default every field under an `attributes` object).
 * "duplicate" repeats an array element (an order or an entry listed twice)
 * or, elsewhere, its parent array's element.
 */
export function mutate(doc: Json, mutations: Mutation[], focus: (p: Path) => boolean = (p) => p.includes("attributes")): Json {
  let out = structuredClone(doc)
  for (const m of mutations) {
    const candidates = targets(out, focus)
    const path = candidates[m.at % candidates.length]
    if (m.kind === "duplicate") {
      const arrayAt = [...path]
      while (arrayAt.length && typeof arrayAt[arrayAt.length - 1] !== "number") arrayAt.pop()
      if (!arrayAt.length) continue
      const index = arrayAt.pop() as number
      const parent = get(out, arrayAt) as Json[]
      parent.splice(index, 0, structuredClone(parent[index]))
      continue
    }
    if (m.kind === "delete") out = remove(out, path)
    else if (m.kind === "null") out = set(out, path, null)
    else if (m.kind === "set") out = set(out, path, m.value)
  }
  return out
}

function get(doc: Json, path: Path): Json {
  return path.reduce<Json>((node, k) => (node as any)[k as any], doc)
}

function set(doc: Json, path: Path, value: Json): Json {
  if (!path.length) return value
  const parent = get(doc, path.slice(0, -1)) as any
  parent[path[path.length - 1]] = value
  return doc
}

function remove(doc: Json, path: Path): Json {
  if (!path.length) return doc
  const parent = get(doc, path.slice(0, -1)) as any
  const key = path[path.length - 1]
  if (Array.isArray(parent)) parent.splice(key as number, 1)
  else delete parent[key]
  return doc
}
