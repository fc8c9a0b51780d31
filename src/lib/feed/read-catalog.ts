import type { FeedSettings } from "./settings"
import type { CatalogVariantRow, LocationStock, PriceCandidate } from "./types"

/**
 * Reads the catalog for the feed straight from Medusa's tables, through the
 * app's own PG connection (ContainerRegistrationKeys.PG_CONNECTION, a knex).
 *
 * Why SQL and not query.graph: ../shared/PERF-ANCHORS.md measured query.graph
 * at ~1.2 ms of Node CPU per variant (≈123 s for 100k variants), about 20×
 * slower than SQL; the bench target is a build within 2× of a plain SQL read.
 *
 * Why one statement read through a cursor: one query for 100k variants adds
 * ~600 MB of RSS if read at once, so the full read runs in a read-only
 * transaction as `DECLARE … CURSOR` + `FETCH 1000` at a time: memory holds one
 * page, PostgreSQL plans the whole read once (hash joins over the link tables,
 * stock and prices pre-aggregated per variant as compact text), and the build
 * sees one consistent snapshot of the catalog. Keyset pages (id > last,
 * LIMIT n) were tried first: each page's stock/price lookups cost ~120 ms, 6 s
 * for 100k variants against 1.4 s for the plain query. Previews (a few variants or SKUs)
 * use the same SQL with correlated subqueries instead, which walk the indexes
 * for just those variants.
 *
 * The price of this choice: the SQL knows Medusa's table layout (checked
 * against a migrated 2.21.2 database: product, product_variant, the link
 * tables product_variant_inventory_item / product_variant_price_set /
 * product_sales_channel, inventory_level, price, price_rule, price_list).
 * The HTTP tests build the catalog with Medusa's own workflows, so a layout
 * change in a Medusa upgrade fails them.
 *
 * Semantics: soft-deleted rows are ignored everywhere; only `published`,
 * non-gift-card products; sales channel / tag / collection / category filters
 * when set (categories include their descendants unless turned off).
 */

/** What the reader needs from knex; PG_CONNECTION satisfies it. Each query names the columns it selects. */
export interface SqlRunner {
  raw<Row = Record<string, unknown>>(sql: string, bindings?: readonly unknown[]): PromiseLike<{ rows: Row[] }>
}
export interface SqlClient extends SqlRunner {
  /** knex: without a handler, resolves to a transaction to commit or roll back. */
  transaction(): PromiseLike<SqlRunner & { commit(): PromiseLike<unknown>; rollback(): PromiseLike<unknown> }>
}

export type CatalogFilters = Pick<
  FeedSettings,
  | "sales_channel_ids"
  | "product_tag_ids"
  | "collection_ids"
  | "category_ids"
  | "include_category_descendants"
  | "price_source"
  | "price_list_id"
  | "price_region_id"
  | "city_prices"
>

export interface ReadOptions {
  /** Stock locations of the account's Kaspi stores. */
  locationIds: string[]
  pageSize?: number
  /** Only this many variants, in id order (preview). */
  limit?: number
  /** Only variants whose Medusa SKU or metadata.kaspi_sku is one of these (preview of one SKU). */
  skus?: string[]
}

/**
 * Rows per FETCH. A page's rows live until the whole page is written, long
 * enough for V8 to copy them out of the young generation; at 2 000 rows the
 * 100k bench build spent ~225 ms in scavenges and ~1.47 s of Node CPU, at
 * 1 000 ~85 ms and ~1.25 s (500 is no better, and doubles the round trips).
 */
export const DEFAULT_PAGE_SIZE = 1000

/** Price lists and regions whose prices the settings may use. */
export function priceScope(f: CatalogFilters): { listIds: string[]; regionIds: string[] } {
  const listIds = new Set<string>()
  const regionIds = new Set<string>()
  if (f.price_source === "price_list" && f.price_list_id) listIds.add(f.price_list_id)
  if (f.price_source === "region" && f.price_region_id) regionIds.add(f.price_region_id)
  for (const c of f.city_prices) {
    if (c.price_list_id) listIds.add(c.price_list_id)
    if (c.region_id) regionIds.add(c.region_id)
  }
  return { listIds: [...listIds], regionIds: [...regionIds] }
}

function catalogWhere(f: CatalogFilters, o: ReadOptions): [string, unknown[]] {
  const where: string[] = ["v.deleted_at IS NULL", "p.deleted_at IS NULL", "p.status = 'published'", "p.is_giftcard = false"]
  const b: unknown[] = []
  if (f.sales_channel_ids.length) {
    where.push(
      "EXISTS (SELECT 1 FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.deleted_at IS NULL AND psc.sales_channel_id = ANY(?::text[]))"
    )
    b.push(f.sales_channel_ids)
  }
  if (f.collection_ids.length) {
    where.push("p.collection_id = ANY(?::text[])")
    b.push(f.collection_ids)
  }
  if (f.product_tag_ids.length) {
    where.push(
      "EXISTS (SELECT 1 FROM product_tags pt JOIN product_tag t ON t.id = pt.product_tag_id AND t.deleted_at IS NULL WHERE pt.product_id = p.id AND pt.product_tag_id = ANY(?::text[]))"
    )
    b.push(f.product_tag_ids)
  }
  if (f.category_ids.length) {
    // mpath is "root.child.grandchild": a category is inside X when X is one of its segments.
    const inCategory = f.include_category_descendants
      ? "(c.id = ANY(?::text[]) OR string_to_array(c.mpath, '.') && ?::text[])"
      : "c.id = ANY(?::text[])"
    where.push(
      `EXISTS (SELECT 1 FROM product_category_product cp JOIN product_category c ON c.id = cp.product_category_id AND c.deleted_at IS NULL WHERE cp.product_id = p.id AND ${inCategory})`
    )
    b.push(f.category_ids)
    if (f.include_category_descendants) b.push(f.category_ids)
  }
  if (o.skus) {
    where.push("(v.sku = ANY(?::text[]) OR v.metadata->>'kaspi_sku' = ANY(?::text[]))")
    b.push(o.skus, o.skus)
  }
  return [where.join(" AND "), b]
}

const VARIANT_COLUMNS = `v.id, v.sku, v.title, v.metadata, v.manage_inventory,
  p.id AS product_id, p.title AS product_title, p.subtitle AS product_subtitle, p.metadata AS product_metadata,
  ty.value AS product_type, co.title AS collection_title`

const VARIANT_FROM = `product_variant v
  JOIN product p ON p.id = v.product_id
  LEFT JOIN product_type ty ON ty.id = p.type_id AND ty.deleted_at IS NULL
  LEFT JOIN product_collection co ON co.id = p.collection_id AND co.deleted_at IS NULL`

/*
 * Stock and prices come back as compact text rather than JSON: building JSON
 * (json_build_array per level and per price) was ~0.2 s of PostgreSQL's ~1.1 s
 * for the 100k bench, and the numbers it carries never need quoting. The text
 * holds only numbers as PostgreSQL prints them and separators it never prints
 * in a number (space, comma); ids never go into it. The few prices with a
 * price list or region keep JSON, which quotes their ids.
 */

// Per inventory item: its levels at the mapped locations as "n stocked reserved"
// triples, space-separated, n being the location's 1-based position in the list.
// Levels are aggregated per item before they meet the variants, so the sort by
// variant covers one row per item instead of one per level (~80 ms less for
// 100k variants × 3 stores).
const LEVEL_TRIPLE = `concat_ws(' ', array_position(?::text[], il.location_id), il.stocked_quantity, il.reserved_quantity)`
const LEVELS_FROM = `FROM inventory_level il WHERE il.deleted_at IS NULL AND il.location_id = ANY(?::text[])`

// Per variant: its (not deleted) inventory items as "required_quantity [levels]",
// comma-separated; an item with no level at any mapped location is just its quantity.
const ITEM_TEXT = `concat_ws(' ', pvi.required_quantity, lv.levels)`
const ITEMS_FROM = `FROM product_variant_inventory_item pvi
  JOIN inventory_item ii ON ii.id = pvi.inventory_item_id AND ii.deleted_at IS NULL`

// Per variant, the KZT prices Kaspi may use: the plain price (no list, no rules),
// region prices (exactly one rule, on region_id) and prices of the configured,
// active, current price lists. Prices for other rules (customer groups…) and
// quantity tiers above 1 are not for Kaspi. Plain prices (nearly all of them)
// come as space-separated amounts; the others as JSON [amount, price_list_id, region_id].
const IS_PLAIN_PRICE = `pr.price_list_id IS NULL AND r.value IS NULL`
const PLAIN_PRICES = `string_agg(pr.amount::text, ' ') FILTER (WHERE ${IS_PLAIN_PRICE})`
const RULE_PRICES = `json_agg(json_build_array(pr.amount, pr.price_list_id, r.value)) FILTER (WHERE NOT (${IS_PLAIN_PRICE}))`
const PRICE_FROM = `FROM product_variant_price_set pvps
  JOIN price pr ON pr.price_set_id = pvps.price_set_id AND pr.deleted_at IS NULL AND lower(pr.currency_code) = 'kzt'
  LEFT JOIN price_rule r ON pr.rules_count = 1 AND r.price_id = pr.id AND r.deleted_at IS NULL AND r.attribute = 'region_id'
  LEFT JOIN price_list pl ON pl.id = pr.price_list_id AND pl.deleted_at IS NULL
 WHERE pvps.deleted_at IS NULL
   AND (pr.min_quantity IS NULL OR pr.min_quantity <= 1)
   AND (pr.rules_count = 0 OR (r.id IS NOT NULL AND r.value = ANY(?::text[])))
   AND (pr.price_list_id IS NULL OR (
        pl.id IS NOT NULL AND pl.status = 'active'
        AND (pl.starts_at IS NULL OR pl.starts_at <= now()) AND (pl.ends_at IS NULL OR pl.ends_at > now())
        AND pr.price_list_id = ANY(?::text[])))`

/**
 * The catalog statement. "whole": stock and prices aggregated per variant in
 * derived tables joined by hash (best when reading everything); "few":
 * correlated subqueries per variant (best for a handful of variants).
 */
export function catalogSql(f: CatalogFilters, o: ReadOptions, shape: "whole" | "few"): [string, unknown[]] {
  const { listIds, regionIds } = priceScope(f)
  const [where, whereBindings] = catalogWhere(f, o)
  const locations = [o.locationIds, o.locationIds] // LEVEL_TRIPLE, LEVELS_FROM
  const prices = [regionIds, listIds] // PRICE_FROM
  const limit = o.limit !== undefined ? " LIMIT ?" : ""
  const tail = o.limit !== undefined ? [o.limit] : []
  if (shape === "few") {
    return [
      `SELECT ${VARIANT_COLUMNS},
              (SELECT string_agg(${ITEM_TEXT}, ',') ${ITEMS_FROM}
                 LEFT JOIN LATERAL (SELECT string_agg(${LEVEL_TRIPLE}, ' ') AS levels ${LEVELS_FROM}
                                       AND il.inventory_item_id = pvi.inventory_item_id) lv ON true
                WHERE pvi.deleted_at IS NULL AND pvi.variant_id = v.id) AS stock,
              (SELECT ${PLAIN_PRICES} ${PRICE_FROM} AND pvps.variant_id = v.id) AS plain_prices,
              (SELECT ${RULE_PRICES} ${PRICE_FROM} AND pvps.variant_id = v.id) AS rule_prices
         FROM ${VARIANT_FROM}
        WHERE ${where}
        ORDER BY v.id${limit}`,
      [...locations, ...prices, ...prices, ...whereBindings, ...tail],
    ]
  }
  return [
    `SELECT ${VARIANT_COLUMNS}, s.stock, pz.plain_prices, pz.rule_prices
       FROM ${VARIANT_FROM}
       LEFT JOIN (SELECT pvi.variant_id, string_agg(${ITEM_TEXT}, ',') AS stock ${ITEMS_FROM}
                    LEFT JOIN (SELECT il.inventory_item_id, string_agg(${LEVEL_TRIPLE}, ' ') AS levels ${LEVELS_FROM}
                                GROUP BY il.inventory_item_id) lv ON lv.inventory_item_id = pvi.inventory_item_id
                   WHERE pvi.deleted_at IS NULL
                   GROUP BY pvi.variant_id) s
              ON s.variant_id = v.id
       LEFT JOIN (SELECT pvps.variant_id, ${PLAIN_PRICES} AS plain_prices, ${RULE_PRICES} AS rule_prices ${PRICE_FROM}
                   GROUP BY pvps.variant_id) pz
              ON pz.variant_id = v.id
      WHERE ${where}
      ORDER BY v.id${limit}`,
    [...locations, ...prices, ...whereBindings, ...tail],
  ]
}

/**
 * Sellable quantity per location of one variant, from its stock text (see
 * ITEM_TEXT: per inventory item "required_quantity n stocked reserved …",
 * items comma-separated): per inventory item (stocked − reserved) /
 * required_quantity, the minimum over the variant's items (a kit is only as
 * available as its scarcest part); an item with no level at a location counts
 * as 0 there. No inventory items: no entries.
 */
export function stockOfVariant(text: string | null, locationIds: string[]): LocationStock[] {
  if (!text) return []
  const items = text.split(",")
  // Almost every variant has one inventory item: its quantities are the answer.
  let quantity = itemQuantities(items[0], locationIds.length)
  if (items.length > 1) {
    const min = new Array<number>(locationIds.length).fill(Infinity)
    for (const item of items) {
      const q = itemQuantities(item, locationIds.length)
      for (let n = 0; n < q.length; n++) if (q[n] < min[n]) min[n] = q[n]
    }
    quantity = min
  }
  return locationIds.map((location_id, n) => ({ location_id, quantity: quantity[n] }))
}

/** One item's "required_quantity n stocked reserved …" → (stocked − reserved) / required per location, 0 without a level. */
function itemQuantities(item: string, locations: number): number[] {
  const f = item.split(" ")
  const required = Number(f[0])
  const req = required > 0 ? required : 1
  const q = new Array<number>(locations).fill(0)
  for (let i = 1; i + 2 < f.length; i += 3) {
    const n = Number(f[i]) - 1
    if (n >= 0 && n < locations) q[n] = (Number(f[i + 1]) - Number(f[i + 2])) / req
  }
  return q
}

/** Prices from the two price columns (see PLAIN_PRICES / RULE_PRICES). */
export function pricesOfVariant(plain: string | null, rules: unknown[][] | null): PriceCandidate[] {
  const out: PriceCandidate[] = []
  if (plain) for (const amount of plain.split(" ")) out.push({ amount: Number(amount), price_list_id: null, region_id: null })
  if (rules) {
    for (const [amount, listId, regionId] of rules) {
      out.push({ amount: num(amount), price_list_id: (listId as string | null) ?? null, region_id: (regionId as string | null) ?? null })
    }
  }
  return out
}

function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v)
}

/** The product's columns, selected under the names the feed's row keeps. */
type CatalogProductColumns = Pick<
  CatalogVariantRow,
  "sku" | "product_id" | "product_title" | "product_subtitle" | "product_metadata" | "product_type" | "collection_title"
>

/** One row of catalogSql's SELECT (PostgreSQL's own types: json columns parsed, aggregates as text). */
export interface CatalogSqlRow extends CatalogProductColumns {
  id: string
  title: string | null
  metadata: Record<string, unknown> | null
  manage_inventory: boolean | null
  /** "location:quantity:…" per inventory item, comma-separated (stockOfVariant). */
  stock: string | null
  /** Base prices without rules, space-separated. */
  plain_prices: string | null
  /** [amount, price_list_id, region_id] per price with rules. */
  rule_prices: unknown[][] | null
}

export function toCatalogRow(v: CatalogSqlRow, locationIds: string[]): CatalogVariantRow {
  return {
    variant_id: v.id,
    sku: v.sku,
    variant_title: v.title,
    variant_metadata: v.metadata,
    manage_inventory: v.manage_inventory !== false,
    product_id: v.product_id,
    product_title: v.product_title,
    product_subtitle: v.product_subtitle,
    product_metadata: v.product_metadata,
    product_type: v.product_type,
    collection_title: v.collection_title,
    stock: stockOfVariant(v.stock, locationIds),
    prices: pricesOfVariant(v.plain_prices, v.rule_prices),
  }
}

/** The catalog as pages of variant rows, in variant-id order. */
export async function* readCatalogPages(
  db: SqlClient,
  filters: CatalogFilters,
  opts: ReadOptions
): AsyncGenerator<CatalogVariantRow[]> {
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? DEFAULT_PAGE_SIZE))
  if (opts.skus || (opts.limit !== undefined && opts.limit <= pageSize)) {
    const [sql, bindings] = catalogSql(filters, opts, "few")
    const rows = (await db.raw<CatalogSqlRow>(sql, bindings)).rows
    if (rows.length) yield rows.map((v) => toCatalogRow(v, opts.locationIds))
    return
  }
  const [sql, bindings] = catalogSql(filters, opts, "whole")
  const trx = await db.transaction()
  try {
    await trx.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    // A cursor is planned for its first rows by default (cursor_tuple_fraction 0.1),
    // which picks per-variant index loops; we read it all, so plan for all of it.
    await trx.raw("SET LOCAL cursor_tuple_fraction = 1.0")
    // JIT compiles the plan when the first FETCH runs, before any row comes back:
    // ~50 ms for 100k variants, and a plan that crosses jit_inline_above_cost /
    // jit_optimize_above_cost (a bigger catalog, or the correlated shape over
    // 100k variants: 0.67 s) takes far longer. Its expressions are cheap to
    // interpret; the bench build was ~0.1 s faster without it.
    await trx.raw("SET LOCAL jit = off")
    await trx.raw(`DECLARE kaspi_feed_catalog NO SCROLL CURSOR FOR ${sql}`, bindings)
    const fetchPage = () => {
      const p = Promise.resolve(trx.raw<CatalogSqlRow>(`FETCH ${pageSize} FROM kaspi_feed_catalog`))
      p.catch(() => undefined) // awaited below; never an unhandled rejection if the consumer stops early
      return p
    }
    // One FETCH ahead: PostgreSQL produces page n+1 while Node maps and writes page n.
    let pending: Promise<{ rows: CatalogSqlRow[] }> | null = fetchPage()
    while (pending) {
      const rows: CatalogSqlRow[] = (await pending).rows
      pending = rows.length === pageSize ? fetchPage() : null
      if (!rows.length) break
      yield rows.map((v) => toCatalogRow(v, opts.locationIds))
    }
    if (pending) await pending.catch(() => undefined)
  } finally {
    // Read-only: rolling back just closes the cursor and frees the connection.
    await trx.rollback()
  }
}
