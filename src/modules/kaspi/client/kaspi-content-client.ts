import {
  DEFAULT_IMPORT_STATUS_NAMES,
  DEFAULT_SKU_STATE_NAMES,
  NameMap,
  type KaspiImportSkuOutcome,
  type KaspiImportStatus,
  type NameGroupsInput,
} from "./content-names"
import {
  kaspiAttributeValueSchema,
  kaspiCategoryAttributeSchema,
  kaspiCategorySchema,
  kaspiImportResultSchema,
  kaspiImportSchemaDocumentSchema,
  kaspiImportStatusSchema,
} from "./content-schemas"
import { parseOrThrow } from "./parse"
import type { KaspiTransport } from "./transport"

/** The owner's figure for product content requests: the categories answer alone is ~400 KB (API.md a.14). */
export const KASPI_CONTENT_TIMEOUT_MS = 60_000
/** Payload 13: an import file holds 1 to 10,000 products. */
export const KASPI_MAX_PRODUCTS_PER_IMPORT = 10_000

/**
 * API.md a.14: the guide's example posts the JSON array as text/plain, clients also send
 * application/json. text/plain is the documented form, so it is the default; the charset is
 * said because titles are Cyrillic and text/plain alone may be read as ISO-8859-1.
 */
export type KaspiImportContentType = "text/plain" | "application/json"
const CONTENT_TYPE_HEADER: Record<KaspiImportContentType, string> = {
  "text/plain": "text/plain; charset=utf-8",
  "application/json": "application/json",
}

/** a.0: the product endpoints answer plain JSON; without an Accept Kaspi answers an HTML 404. */
const ACCEPT = "application/json"

export interface KaspiContentOptions {
  /** Per request, each attempt (default 60 s). */
  timeoutMs?: number
  /** How POST /products/import labels its body (default "text/plain"). */
  importContentType?: KaspiImportContentType
  /** Kaspi's names for an import's status (default: both sets API.md a.14 reports). */
  importStatusNames?: NameGroupsInput<KaspiImportStatus>
  /** Kaspi's names for a SKU's state in an import's result. */
  skuStateNames?: NameGroupsInput<KaspiImportSkuOutcome>
}

export interface KaspiContentCategory {
  code: string
  title: string | null
}

export interface KaspiContentAttribute {
  code: string
  /** "boolean" | "enum" | "string" | "number" so far (a.14); anything else is passed on as sent. */
  type: string
  multiValued: boolean
  mandatory: boolean
}

export interface KaspiContentValue {
  code: string
  name: string | null
}

export interface KaspiImportState {
  code: string
  status: KaspiImportStatus
  /** the status as Kaspi named it */
  statusName: string
  /** why an import was aborted (a.14: ABORTED comes with one) */
  description: string | null
  raw: unknown
}

export interface KaspiImportSkuResult {
  sku: string
  outcome: KaspiImportSkuOutcome
  /** the state as Kaspi named it */
  state: string | null
  /** what Kaspi said about this SKU (its errors and warnings, when it sends them) */
  messages: string[]
  raw: unknown
}

export interface KaspiImportResult {
  /** Kaspi's counts; a count it leaves out is counted from the SKUs. */
  errors: number
  warnings: number
  skipped: number
  total: number
  skus: KaspiImportSkuResult[]
  raw: unknown
}

/** RFC 3986 percent-encoding: spaces as %20 (not +) and '*' as %2A, which every server decodes alike. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The path with its query already encoded (the transport adds nothing when no `query` is given). */
function withQuery(path: string, params: Record<string, string>): string {
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeQueryValue(v)}`)
  return `${path}?${query.join("&")}`
}

/** Where an answer came from, for errors: the path without its query, as the transport logs it. */
const where = (method: "GET" | "POST", path: string) => ({ method, path: path.split("?")[0] })

function requireCode(value: string, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new TypeError(`${what} must be a non-empty string`)
  return value
}

/** Strings, or objects' message/title/description, from what Kaspi sent about one SKU. */
function messagesOf(raw: Record<string, unknown>): string[] {
  const out: string[] = []
  const take = (v: unknown) => {
    if (typeof v === "string" && v.trim()) out.push(v)
    else if (v && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>
      const text = [o.message, o.title, o.description].find((x) => typeof x === "string" && x.trim())
      out.push(typeof text === "string" ? text : JSON.stringify(v))
    }
  }
  for (const key of ["errors", "warnings", "messages", "message", "description"]) {
    const v = raw[key]
    if (Array.isArray(v)) v.forEach(take)
    else take(v)
  }
  return out
}

/**
 * The product content API (API.md a.14): Kaspi's classification, its import schema, and card
 * imports. Plain JSON under the same base URL and token as the orders, through the same
 * transport (rate limit, retries, size cap, KaspiApiError). Obtained as `KaspiClient.content`.
 */
export class KaspiContentClient {
  readonly timeoutMs: number
  private readonly importContentType: KaspiImportContentType
  private readonly statuses: NameMap<KaspiImportStatus>
  private readonly skuStates: NameMap<KaspiImportSkuOutcome>

  constructor(
    private readonly transport: KaspiTransport,
    opts: KaspiContentOptions = {}
  ) {
    this.timeoutMs = opts.timeoutMs ?? KASPI_CONTENT_TIMEOUT_MS
    if (!(this.timeoutMs > 0)) throw new RangeError("timeoutMs must be a positive number of milliseconds")
    this.importContentType = opts.importContentType ?? "text/plain"
    if (!(this.importContentType in CONTENT_TYPE_HEADER)) throw new TypeError('importContentType must be "text/plain" or "application/json"')
    this.statuses = new NameMap("importStatusNames", DEFAULT_IMPORT_STATUS_NAMES, opts.importStatusNames)
    this.skuStates = new NameMap("skuStateNames", DEFAULT_SKU_STATE_NAMES, opts.skuStateNames)
  }

  /** A read: retried on temporary failures like every other GET. Queries come encoded in `path`. */
  private read(path: string) {
    return this.transport.send({ method: "GET", path, accept: ACCEPT, timeoutMs: this.timeoutMs, retry: "read" })
  }

  /**
   * Every category Kaspi lists: ~4,300 in reality, about 400 KB (a.14), well inside the
   * transport's JSON cap (16 MB by default, maxResponseMb), so no larger cap is asked for here.
   */
  async listCategories(): Promise<KaspiContentCategory[]> {
    const path = "/products/classification/categories"
    const res = await this.read(path)
    return parseOrThrow(kaspiCategorySchema.array(), res.body, where("GET", path)).map((c) => ({ code: c.code, title: c.title ?? null }))
  }

  /** A leaf category's attributes: their codes, types, and which are mandatory or take several values. */
  async listCategoryAttributes(categoryCode: string): Promise<KaspiContentAttribute[]> {
    const path = withQuery("/products/classification/attributes", { c: requireCode(categoryCode, "categoryCode") })
    const res = await this.read(path)
    return parseOrThrow(kaspiCategoryAttributeSchema.array(), res.body, where("GET", path)).map((a) => ({
      code: a.code,
      type: a.type,
      multiValued: a.multiValued === true,
      mandatory: a.mandatory === true,
    }))
  }

  /** An enum attribute's recommended values (a.14); other types have none. */
  async listAttributeValues(categoryCode: string, attributeCode: string): Promise<KaspiContentValue[]> {
    const path = withQuery("/products/classification/attribute/values", {
      c: requireCode(categoryCode, "categoryCode"),
      a: requireCode(attributeCode, "attributeCode"),
    })
    const res = await this.read(path)
    return parseOrThrow(kaspiAttributeValueSchema.array(), res.body, where("GET", path)).map((v) => ({ code: v.code, name: v.name ?? null }))
  }

  /** Kaspi's JSON Schema (draft-04) for an import file, as Kaspi serves it today. */
  async getImportSchema(): Promise<Record<string, unknown>> {
    const path = "/products/import/schema"
    const res = await this.read(path)
    return parseOrThrow(kaspiImportSchemaDocumentSchema, res.body, where("GET", path))
  }

  /**
   * Sends cards for Kaspi to import; Kaspi answers with the import's code (status UPLOADED) and
   * processes it later. A write: retried only when Kaspi surely did not take it (429, connection
   * refused), since each accepted request starts another import.
   */
  async importProducts(products: readonly object[]): Promise<KaspiImportState> {
    if (!Array.isArray(products) || products.length < 1 || products.length > KASPI_MAX_PRODUCTS_PER_IMPORT) {
      throw new RangeError(`an import takes 1 to ${KASPI_MAX_PRODUCTS_PER_IMPORT} products (Kaspi's import schema)`)
    }
    const path = "/products/import"
    const res = await this.transport.send({
      method: "POST",
      path,
      body: products,
      accept: ACCEPT,
      headers: { "content-type": CONTENT_TYPE_HEADER[this.importContentType] },
      timeoutMs: this.timeoutMs,
      retry: "write",
    })
    return this.state(res.body, where("POST", path))
  }

  /** Where an import is: uploaded (still being processed), finished, aborted (with a description) or unknown. */
  async getImportStatus(importCode: string): Promise<KaspiImportState> {
    const path = withQuery("/products/import", { i: requireCode(importCode, "importCode") })
    const res = await this.read(path)
    return this.state(res.body, where("GET", path))
  }

  /** A finished import's per-SKU outcomes. Ask once getImportStatus says "finished". */
  async getImportResult(importCode: string): Promise<KaspiImportResult> {
    const path = withQuery("/products/import/result", { i: requireCode(importCode, "importCode") })
    const res = await this.read(path)
    const body = parseOrThrow(kaspiImportResultSchema, res.body, where("GET", path))
    const skus = Object.entries(body.result).map(([sku, raw]) => ({
      sku,
      outcome: this.skuStates.read(raw.state),
      state: raw.state ?? null,
      messages: messagesOf(raw),
      raw,
    }))
    const counted = (o: KaspiImportSkuOutcome) => skus.filter((s) => s.outcome === o).length
    return {
      errors: body.errors ?? counted("error"),
      warnings: body.warnings ?? counted("warning"),
      skipped: body.skipped ?? counted("skipped"),
      total: body.total ?? skus.length,
      skus,
      raw: res.body,
    }
  }

  private state(body: unknown, from: { method: string; path: string }): KaspiImportState {
    const parsed = parseOrThrow(kaspiImportStatusSchema, body ?? {}, from)
    return { code: parsed.code, status: this.statuses.read(parsed.status), statusName: parsed.status, description: parsed.description ?? null, raw: body }
  }
}
