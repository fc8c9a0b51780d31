import type { z } from "@medusajs/framework/zod"
import { KaspiApiError } from "./errors"
import {
  kaspiOrderEntryResourceSchema,
  kaspiOrdersPageEnvelopeSchema,
  kaspiOrderResourceSchema,
  type KaspiOrderAttributes,
  type KaspiOrderEntryAttributes,
} from "./schemas"
import { KaspiPayloadTooDeepError, storableJson } from "./storable-json"
import { checkWaybillUrl } from "./waybill-url"

export interface KaspiOrderEntry {
  id: string
  attributes: KaspiOrderEntryAttributes
  /** Ids of the related Kaspi product and point of service, when Kaspi sent them. */
  productId?: string
  pointOfServiceId?: string
  /** The entry resource exactly as Kaspi sent it (storable): set by getOrderEntries, whose entries are stored apart from the order's list read. */
  raw?: unknown
}

export interface KaspiOrder {
  id: string
  code: string
  attributes: KaspiOrderAttributes
  /** Entries found in `included` (only when requested with include[orders]=entries). */
  entries: KaspiOrderEntry[]
  /** Entries the order references but the response did not include: fetch them before importing. */
  missingEntryIds: string[]
  /** The order resource and its included entries exactly as Kaspi sent them. */
  raw: { order: unknown; entries: unknown[] }
}

export interface InvalidKaspiOrder {
  id?: string
  code?: string
  reason: string
  raw: unknown
}

export interface KaspiOrdersPage {
  orders: KaspiOrder[]
  invalid: InvalidKaspiOrder[]
  page: number
  pageCount: number
  totalCount: number
}

export function formatZodIssues(error: z.ZodError, prefix = ""): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join(".")
      return `${path || "(root)"}: ${i.message}`
    })
    .join("; ")
}

/** Throws a KaspiApiError(invalid_response) naming what is wrong. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  body: unknown,
  where: { method: string; path: string }
): z.infer<T> {
  const result = schema.safeParse(body)
  if (!result.success) {
    throw new KaspiApiError({
      kind: "invalid_response",
      method: where.method,
      path: where.path,
      detail: `response does not match the Kaspi API: ${formatZodIssues(result.error)}`,
    })
  }
  return result.data
}

function relatedId(relationships: unknown, name: string): string | undefined {
  const rel = (relationships as Record<string, { data?: unknown }> | undefined)?.[name]
  const data = rel?.data as { id?: unknown } | null | undefined
  return data && typeof data.id === "string" ? data.id : undefined
}

function relatedIds(relationships: unknown, name: string): string[] | undefined {
  const data = (relationships as Record<string, { data?: unknown }> | undefined)?.[name]?.data
  if (!Array.isArray(data)) return undefined
  return data.map((d) => (d as { id?: unknown }).id).filter((id): id is string => typeof id === "string")
}

export function parseOrderEntry(input: unknown): { entry?: KaspiOrderEntry; error?: string; raw?: unknown } {
  let raw: unknown
  try {
    raw = storableJson(input)
  } catch (e) {
    if (e instanceof KaspiPayloadTooDeepError) return { error: e.message }
    throw e
  }
  const parsed = kaspiOrderEntryResourceSchema.safeParse(raw)
  if (!parsed.success) {
    return { error: formatZodIssues(parsed.error) }
  }
  const r = parsed.data
  return {
    entry: {
      id: r.id,
      attributes: r.attributes,
      productId: relatedId(r.relationships, "product"),
      pointOfServiceId: relatedId(r.relationships, "deliveryPointOfService"),
    },
    raw,
  }
}

/**
 * Validates one order resource (and its included entries) on its own, so a
 * single broken order is reported without blocking the rest of the page.
 */
export function parseOrderResource(
  input: unknown,
  includedEntries: Map<string, unknown>
): { order: KaspiOrder } | { invalid: InvalidKaspiOrder } {
  // Everything read from Kaspi must be storable, the raw payload kept for a rejected order too.
  let raw: unknown
  try {
    raw = storableJson(input)
  } catch (e) {
    if (!(e instanceof KaspiPayloadTooDeepError)) throw e
    // Rejected alone, with what identifies it; the payload itself cannot be kept.
    const shallow = input as { id?: unknown; attributes?: { code?: unknown } } | null
    const code = shallow?.attributes?.code
    return {
      invalid: {
        id: typeof shallow?.id === "string" ? storableJson(shallow.id) : undefined,
        code: typeof code === "string" || typeof code === "number" ? storableJson(String(code)) : undefined,
        reason: e.message,
        raw: null,
      },
    }
  }
  const looksLike = raw as { id?: unknown; attributes?: { code?: unknown } } | null
  const id = typeof looksLike?.id === "string" ? looksLike.id : undefined
  const rawCode = looksLike?.attributes?.code
  const code = typeof rawCode === "string" || typeof rawCode === "number" ? String(rawCode) : undefined

  const parsed = kaspiOrderResourceSchema.safeParse(raw)
  if (!parsed.success) {
    return { invalid: { id, code, reason: formatZodIssues(parsed.error), raw } }
  }
  const r = parsed.data
  const entryIds = relatedIds(r.relationships, "entries") ?? []
  const entries: KaspiOrderEntry[] = []
  const rawEntries: unknown[] = []
  const missingEntryIds: string[] = []
  for (const entryId of entryIds) {
    const rawEntry = includedEntries.get(entryId)
    if (rawEntry === undefined) {
      missingEntryIds.push(entryId)
      continue
    }
    const { entry, error } = parseOrderEntry(rawEntry)
    if (!entry) {
      return { invalid: { id, code, reason: `entry ${entryId}: ${error}`, raw } }
    }
    entries.push(entry)
    rawEntries.push(storableJson(rawEntry))
  }
  return {
    order: {
      id: r.id,
      code: r.attributes.code,
      attributes: r.attributes,
      entries,
      missingEntryIds,
      raw: { order: raw, entries: rawEntries },
    },
  }
}

/** How a page's untrusted links are checked: the configured API (its origin is trusted) and where refusals are told. */
export interface KaspiParseContext {
  apiUrl?: string
  warn?: (message: string) => void
}

/** Drops a waybill link that is not Kaspi's (see waybill-url.ts), keeping the order; says so through `warn`. */
function withSafeWaybill(order: KaspiOrder, context: KaspiParseContext): KaspiOrder {
  const delivery = order.attributes.kaspiDelivery
  if (!delivery?.waybill) return order
  const check = checkWaybillUrl(delivery.waybill, context.apiUrl)
  if (check.ok) return order
  context.warn?.(`Kaspi order ${order.code}: waybill link dropped (${check.reason}); the order is read without it`)
  return { ...order, attributes: { ...order.attributes, kaspiDelivery: { ...delivery, waybill: null } } }
}

export function parseOrdersPage(
  body: unknown,
  page: number,
  where: { method: string; path: string },
  context: KaspiParseContext = {}
): KaspiOrdersPage {
  const envelope = parseOrThrow(kaspiOrdersPageEnvelopeSchema, body, where)
  const included = new Map<string, unknown>()
  for (const item of envelope.included ?? []) {
    // A broken included item is left out: the order that needs it reports it (or fetches it).
    const i = item as { type?: unknown; id?: unknown } | null
    if (i?.type === "orderentries" && typeof i.id === "string" && i.id) included.set(i.id, item)
  }
  const orders: KaspiOrder[] = []
  const invalid: InvalidKaspiOrder[] = []
  for (const item of envelope.data) {
    const result = parseOrderResource(item, included)
    if ("order" in result) orders.push(withSafeWaybill(result.order, context))
    else invalid.push(result.invalid)
  }
  return {
    orders,
    invalid,
    page,
    pageCount: envelope.meta?.pageCount ?? (envelope.data.length ? page + 1 : 0),
    totalCount: envelope.meta?.totalCount ?? envelope.data.length,
  }
}
