import type { FeedOffer } from "./types"

/**
 * The build manifest: one line per published offer, `sku \t price \t stock`,
 * stored gzipped next to the feed. The next build diffs against it without
 * parsing the previous XML.
 */
// Plain loops, not map/join: a build writes one line per offer (100k), and the
// intermediate arrays were a visible share of its garbage.
export function priceSignature(o: FeedOffer): string {
  const cities = o.cityprices
  if (!cities || !cities.length) return String(o.price ?? "")
  let s = `${cities[0].cityId}=${cities[0].price}`
  for (let i = 1; i < cities.length; i++) s += `,${cities[i].cityId}=${cities[i].price}`
  return s
}

export function stockSignature(o: FeedOffer): string {
  let s = ""
  for (let i = 0; i < o.availabilities.length; i++) {
    const a = o.availabilities[i]
    if (i) s += "|"
    s += `${a.storeId}:${a.available === "yes" ? "y" : "n"}:${a.stockCount ?? ""}:${a.preOrder ?? ""}`
  }
  return s
}

export function manifestLine(o: FeedOffer): string {
  // SKUs are validated to [A-Za-z0-9_\-.()/], so tabs and newlines cannot occur in them.
  return `${o.sku}\t${priceSignature(o)}\t${stockSignature(o)}\n`
}

export interface ManifestEntry {
  sku: string
  price: string
  stock: string
}

export function parseManifestLine(line: string): ManifestEntry | null {
  if (!line) return null
  const [sku, price = "", stock = ""] = line.split("\t")
  return sku ? { sku, price, stock } : null
}

export const DIFF_SAMPLE_SIZE = 20

export interface FeedDiff {
  /** Offers in the previous published feed (0 when there is none). */
  previous_offers: number
  offers: number
  added: number
  removed: number
  price_changed: number
  stock_changed: number
  unchanged: number
  /** A few examples of each kind, for the admin. */
  samples: {
    added: string[]
    removed: string[]
    price_changed: { sku: string; from: string; to: string }[]
    stock_changed: { sku: string; from: string; to: string }[]
  }
}

/**
 * Incremental diff: load the previous manifest once (a Map of ~100 bytes per
 * offer), then feed the new entries one by one, then finish() to count removals.
 */
export class ManifestDiff {
  private readonly prev = new Map<string, string>()
  private readonly seen = new Set<string>()
  private readonly d: FeedDiff

  constructor(previous: Iterable<ManifestEntry> | null) {
    for (const e of previous ?? []) this.prev.set(e.sku, `${e.price}\t${e.stock}`)
    this.d = {
      previous_offers: this.prev.size,
      offers: 0,
      added: 0,
      removed: 0,
      price_changed: 0,
      stock_changed: 0,
      unchanged: 0,
      samples: { added: [], removed: [], price_changed: [], stock_changed: [] },
    }
  }

  add(e: ManifestEntry): void {
    const d = this.d
    d.offers++
    this.seen.add(e.sku)
    const before = this.prev.get(e.sku)
    if (before === undefined) {
      d.added++
      if (d.samples.added.length < DIFF_SAMPLE_SIZE) d.samples.added.push(e.sku)
      return
    }
    const [price, stock] = before.split("\t")
    let changed = false
    if (price !== e.price) {
      changed = true
      d.price_changed++
      if (d.samples.price_changed.length < DIFF_SAMPLE_SIZE) d.samples.price_changed.push({ sku: e.sku, from: price, to: e.price })
    }
    if (stock !== e.stock) {
      changed = true
      d.stock_changed++
      if (d.samples.stock_changed.length < DIFF_SAMPLE_SIZE) d.samples.stock_changed.push({ sku: e.sku, from: stock, to: e.stock })
    }
    if (!changed) d.unchanged++
  }

  finish(): FeedDiff {
    for (const sku of this.prev.keys()) {
      if (this.seen.has(sku)) continue
      this.d.removed++
      if (this.d.samples.removed.length < DIFF_SAMPLE_SIZE) this.d.samples.removed.push(sku)
    }
    return this.d
  }
}

export function diffManifests(previous: ManifestEntry[] | null, next: ManifestEntry[]): FeedDiff {
  const m = new ManifestDiff(previous)
  for (const e of next) m.add(e)
  return m.finish()
}
