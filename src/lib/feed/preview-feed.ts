import { mapVariantToOffer } from "./map-variant-to-offer"
import { readCatalogPages, type SqlClient } from "./read-catalog"
import { renderOffer } from "./render-offer"
import type { FeedSettings } from "./settings"
import type { FeedIssue, FeedOffer, FeedWarning, StoreMapping } from "./types"
import { validateOffer } from "./validate-offer"

export interface PreviewEntry {
  variant_id: string
  sku: string | null
  status: "ok" | "skipped" | "excluded"
  offer?: FeedOffer
  /** The <offer> element as it would be written. */
  xml?: string
  issue?: FeedIssue
  excluded_reason?: string
  warnings: FeedWarning[]
}

/**
 * A dry run on live data, for the admin: the first `limit` variants, or the
 * variants with these SKUs, mapped and validated exactly as a build would
 * (except that SKU uniqueness is only checked among the previewed ones).
 * Nothing is stored or published.
 */
export async function previewFeed(
  db: SqlClient,
  settings: FeedSettings,
  stores: StoreMapping[],
  opts: { limit?: number; skus?: string[] }
): Promise<PreviewEntry[]> {
  const out: PreviewEntry[] = []
  const vctx = { skuMaxLength: settings.sku_max_length, knownStoreIds: new Set(stores.map((s) => s.store_id)), seenSkus: new Set<string>() }
  const pages = readCatalogPages(db, settings, {
    locationIds: [...new Set(stores.map((s) => s.stock_location_id))],
    limit: opts.skus ? undefined : opts.limit ?? 20,
    skus: opts.skus,
    pageSize: 1000,
  })
  for await (const page of pages) {
    for (const row of page) {
      const mapped = mapVariantToOffer(row, { settings, stores })
      if (mapped.kind === "excluded") {
        out.push({ variant_id: row.variant_id, sku: row.sku, status: "excluded", excluded_reason: mapped.reason, warnings: [] })
        continue
      }
      const v = validateOffer(mapped.offer, vctx)
      out.push({
        variant_id: row.variant_id,
        sku: mapped.offer.sku || null,
        status: v.ok ? "ok" : "skipped",
        offer: mapped.offer,
        xml: v.ok ? renderOffer(mapped.offer) : undefined,
        issue: v.ok ? undefined : v.issue,
        warnings: mapped.warnings,
      })
    }
  }
  return out
}

/** Why a SKU is not in the catalog the feed reads (for "preview one SKU" when nothing matched). */
export async function explainMissingSku(db: SqlClient, sku: string): Promise<string> {
  const rows = (
    await db.raw<{ id: string; v_deleted: Date | null; status: string; p_deleted: Date | null; is_giftcard: boolean }>(
      `SELECT v.id, v.deleted_at AS v_deleted, p.status, p.deleted_at AS p_deleted, p.is_giftcard
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE v.sku = ? OR v.metadata->>'kaspi_sku' = ?
        ORDER BY v.deleted_at NULLS FIRST LIMIT 1`,
      [sku, sku]
    )
  ).rows
  const r = rows[0]
  if (!r) return `No Medusa variant has the SKU (or metadata.kaspi_sku) "${sku}".`
  if (r.v_deleted || r.p_deleted) return `The variant ${r.id} with this SKU is deleted.`
  if (r.status !== "published") return `The product of variant ${r.id} is "${r.status}", not published.`
  if (r.is_giftcard) return `Variant ${r.id} is a gift card; gift cards are not published to Kaspi.`
  return `Variant ${r.id} does not pass the feed's publication filters (sales channels, tags, collections, categories).`
}
