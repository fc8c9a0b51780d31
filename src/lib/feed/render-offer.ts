import { escapeXmlAttr, escapeXmlText } from "./xml-escape"
import type { FeedOffer } from "./types"

/**
 * The kaspi_catalog writer: plain string templates, one offer at a time.
 *
 * Why not xmlbuilder2 (the design card's choice)? ../shared/PERF-ANCHORS.md
 * measured, for 100k offers: its whole-document build ≈1.5 GB of RSS, and its
 * streaming API (createCB) ≈72–83 s, ~70× slower than templates (≈1 s, ≈18 MB),
 * which alone would break the bench target (build ≤ 2× a plain SQL read).
 * Templates are safe here because the output grammar is tiny and fixed, and
 * every text and attribute value goes through escapeXmlText/escapeXmlAttr,
 * which __tests__ prove with fast-check: hostile catalogs round-trip through a
 * real XML parser (xmlbuilder2's) and validate against the XSD (libxml2).
 * xmlbuilder2 stays the reference implementation in those tests and the bench.
 */

export interface FeedHeader {
  company: string
  merchantId: string
  /** The `date` attribute; see formatFeedDate. */
  date: string
}

/** "2026-11-29T17:05:00" in Kazakhstan time (UTC+5, one zone since 2024-03-01), the form Kaspi's examples use. */
export function formatFeedDate(d: Date): string {
  return new Date(d.getTime() + 5 * 3600_000).toISOString().slice(0, 19)
}

export function renderHeader(h: FeedHeader): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<kaspi_catalog date="${escapeXmlAttr(h.date)}" xmlns="kaspiShopping" ` +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="kaspiShopping http://kaspi.kz/kaspishopping.xsd">\n' +
    `  <company>${escapeXmlText(h.company)}</company>\n` +
    `  <merchantid>${escapeXmlText(h.merchantId)}</merchantid>\n` +
    "  <offers>\n"
  )
}

export function renderFooter(): string {
  return "  </offers>\n</kaspi_catalog>\n"
}

/** One <offer>, in the element order the XSD's sequence demands. */
export function renderOffer(o: FeedOffer): string {
  let x = `    <offer sku="${escapeXmlAttr(o.sku)}">\n      <model>${escapeXmlText(o.model)}</model>\n`
  if (o.brand !== undefined) x += `      <brand>${escapeXmlText(o.brand)}</brand>\n`
  if (o.availabilities.length) {
    x += "      <availabilities>\n"
    for (const a of o.availabilities) {
      x += `        <availability available="${a.available}" storeId="${escapeXmlAttr(a.storeId)}"`
      if (a.stockCount !== undefined) x += ` stockCount="${a.stockCount}"`
      if (a.preOrder !== undefined) x += ` preOrder="${a.preOrder}"`
      x += "/>\n"
    }
    x += "      </availabilities>\n"
  }
  if (o.cityprices && o.cityprices.length) {
    x += "      <cityprices>\n"
    for (const c of o.cityprices) x += `        <cityprice cityId="${escapeXmlAttr(c.cityId)}">${c.price}</cityprice>\n`
    x += "      </cityprices>\n"
  } else if (o.price !== undefined) {
    x += `      <price>${o.price}</price>\n`
  }
  return x + "    </offer>\n"
}
