// The product content API (API.md a.14): classification, the import schema, imports and their
// results. Plain JSON, not JSON:API, under the same /shop/api base and auth as the orders.

import { categoryByCode, isLeaf, leafCategories, type ContentCategory } from "../content/catalog"
import { IMPORT_SCHEMA } from "../content/schema-check"
import { fail, header, type ApiContext, type ApiResult } from "../http"

/** a.0: the product examples use `Accept: application/json`; the answers are plain JSON. */
export const CONTENT_JSON = "application/json"

export const CONTENT_TITLES = {
  unsupportedParameter: "Unsupported query parameter",
  repeatedParameter: "A query parameter is given more than once",
  categoryNotFound: "Category not found",
  attributeNotFound: "Attribute not found",
  unsupportedMediaType: "Unsupported Media Type",
  bodyRequired: "Request body is required",
  importNotFound: "Import not found",
  importNotFinished: "The import has no result",
} as const

/** a.14 names both: the guide's example sends text/plain, clients send application/json. */
export const IMPORT_CONTENT_TYPES = ["text/plain", "application/json"] as const

const json = (body: unknown): ApiResult => ({ status: 200, json: body, contentType: CONTENT_JSON })
const refuse = (status: number, title: string, detail?: string): ApiResult => ({ ...fail(status, title, detail), contentType: CONTENT_JSON })

/** The named parameters, each exactly once, and nothing else (a.0: only the documented forms). */
function params<K extends string>(ctx: ApiContext, names: readonly K[]): { ok: true; values: Record<K, string> } | { ok: false; result: ApiResult } {
  for (const key of new Set(ctx.query.keys())) {
    if (!(names as readonly string[]).includes(key)) return { ok: false, result: refuse(400, CONTENT_TITLES.unsupportedParameter, `${key} (this endpoint takes ${names.join(", ") || "no parameters"})`) }
    if (ctx.query.getAll(key).length > 1) return { ok: false, result: refuse(400, CONTENT_TITLES.repeatedParameter, key) }
  }
  const values = {} as Record<K, string>
  for (const name of names) {
    const v = ctx.query.get(name)
    if (v === null || v === "") return { ok: false, result: refuse(400, `Parameter ${name} is required`) }
    values[name] = v
  }
  return { ok: true, values }
}

/** The classification knows the leaves it lists (see leafCategories). */
function listedCategory(code: string): ContentCategory | undefined {
  const c = categoryByCode(code)
  return c && isLeaf(c) ? c : undefined
}

export function listCategories(ctx: ApiContext): ApiResult {
  const p = params(ctx, [])
  if (!p.ok) return p.result
  return json(leafCategories().map((c) => ({ code: c.code, title: c.title })))
}

export function listAttributes(ctx: ApiContext): ApiResult {
  const p = params(ctx, ["c"])
  if (!p.ok) return p.result
  const category = listedCategory(p.values.c)
  if (!category) return refuse(404, CONTENT_TITLES.categoryNotFound, `No category with code ${p.values.c}`)
  return json(category.attributes.map((a) => ({ code: a.code, type: a.type, multiValued: a.multiValued, mandatory: a.mandatory })))
}

/** Recommended values; an attribute that is not an enum has none. */
export function listAttributeValues(ctx: ApiContext): ApiResult {
  const p = params(ctx, ["c", "a"])
  if (!p.ok) return p.result
  const category = listedCategory(p.values.c)
  if (!category) return refuse(404, CONTENT_TITLES.categoryNotFound, `No category with code ${p.values.c}`)
  const attribute = category.attributes.find((a) => a.code === p.values.a)
  if (!attribute) return refuse(404, CONTENT_TITLES.attributeNotFound, `No attribute ${p.values.a} in ${category.code}`)
  return json(attribute.values.map((v) => ({ code: v.code, name: v.name })))
}

export function getImportSchema(ctx: ApiContext): ApiResult {
  const p = params(ctx, [])
  if (!p.ok) return p.result
  return json(IMPORT_SCHEMA)
}

export function postImport(ctx: ApiContext): ApiResult {
  const p = params(ctx, [])
  if (!p.ok) return p.result
  const contentType = header(ctx.headers, "content-type") ?? ""
  const mediaType = contentType.split(";")[0].trim().toLowerCase()
  if (!(IMPORT_CONTENT_TYPES as readonly string[]).includes(mediaType)) {
    return refuse(415, CONTENT_TITLES.unsupportedMediaType, `Send the JSON array as ${IMPORT_CONTENT_TYPES.join(" or ")}, not ${contentType || "no Content-Type"}`)
  }
  if (ctx.bodyError) return refuse(400, ctx.bodyError)
  if (ctx.body === undefined) return refuse(400, CONTENT_TITLES.bodyRequired)
  // Anything that parses is taken: the schema is checked while the import is processed (ABORTED).
  const imp = ctx.store.content.submit(ctx.shop.merchantId, ctx.body, contentType)
  return json({ code: imp.code, status: ctx.store.content.getSettings().statusNames.uploaded })
}

function findImport(ctx: ApiContext) {
  const p = params(ctx, ["i"])
  if (!p.ok) return p
  const imp = ctx.store.content.find(ctx.shop.merchantId, p.values.i)
  if (!imp) return { ok: false as const, result: refuse(404, CONTENT_TITLES.importNotFound, `No import with code ${p.values.i}`) }
  return { ok: true as const, imp }
}

export function getImport(ctx: ApiContext): ApiResult {
  const found = findImport(ctx)
  if (!found.ok) return found.result
  return json(ctx.store.content.statusOf(found.imp))
}

/**
 * Only a FINISHED import has a result; before that (and for an ABORTED one) it is refused. API.md a.14 does
 * not say what Kaspi answers then: refusing is the strict form, so a client that asks early is caught here.
 */
export function getImportResult(ctx: ApiContext): ApiResult {
  const found = findImport(ctx)
  if (!found.ok) return found.result
  const result = ctx.store.content.resultOf(found.imp)
  if (!result) return refuse(400, CONTENT_TITLES.importNotFinished, `Import ${found.imp.code} is ${ctx.store.content.statusOf(found.imp).status}; only a finished import has one`)
  return json(result)
}
