/**
 * What a Medusa order must do to follow the lines Kaspi shows now. Kaspi only
 * ever lowers a line (a partial cancel by the merchant, through the API or the
 * cabinet, API.md a.12: the quantity that stays, 0 or a line gone for a
 * cancelled one), so only reductions are applied; anything else is left to a
 * person.
 */

export interface MedusaLine {
  id: string
  title: string
  quantity: number
  /** the Kaspi entry the line was made from (line item metadata), null for a line added in Medusa */
  kaspi_entry_id: string | null
}

export interface KaspiLine {
  id: string
  quantity: number
}

export interface LineReduction {
  item_id: string
  kaspi_entry_id: string
  title: string
  from: number
  to: number
}

export interface LineIncrease {
  /** null when Kaspi shows a line Medusa has none of */
  item_id: string | null
  kaspi_entry_id: string
  title: string | null
  medusa_quantity: number
  kaspi_quantity: number
}

export interface KaspiLinesPlan {
  /** lines Medusa lowers to what Kaspi kept, all in one order edit */
  reductions: LineReduction[]
  /** lines Kaspi shows more of than Medusa: not documented (a.12), so never applied, a person looks */
  increases: LineIncrease[]
}

/**
 * Compares every Medusa line made from a Kaspi entry with that entry.
 * `kaspiLines` must be the order's complete list of entries: an entry left out
 * counts as cancelled (Kaspi may drop a line cancelled to 0, a.12). An entry at
 * 0 that Medusa has no line of is how the import left it (never imported).
 */
export function planKaspiLines(medusaLines: MedusaLine[], kaspiLines: KaspiLine[]): KaspiLinesPlan {
  const kaspiQuantity = new Map(kaspiLines.map((e) => [e.id, e.quantity]))
  const reductions: LineReduction[] = []
  const increases: LineIncrease[] = []
  const seen = new Set<string>()
  for (const line of medusaLines) {
    if (!line.kaspi_entry_id) continue
    seen.add(line.kaspi_entry_id)
    const kept = kaspiQuantity.get(line.kaspi_entry_id) ?? 0
    if (kept < line.quantity) {
      reductions.push({ item_id: line.id, kaspi_entry_id: line.kaspi_entry_id, title: line.title, from: line.quantity, to: kept })
    } else if (kept > line.quantity) {
      increases.push({ item_id: line.id, kaspi_entry_id: line.kaspi_entry_id, title: line.title, medusa_quantity: line.quantity, kaspi_quantity: kept })
    }
  }
  for (const entry of kaspiLines) {
    if (seen.has(entry.id) || entry.quantity <= 0) continue
    increases.push({ item_id: null, kaspi_entry_id: entry.id, title: null, medusa_quantity: 0, kaspi_quantity: entry.quantity })
  }
  return { reductions, increases }
}

/** Totals in tenge agree when they differ by less than a tiyn (Kaspi sends whole tenge, Medusa may carry decimals). */
export function totalsAgree(kaspiTotal: number, medusaTotal: number): boolean {
  return Math.abs(kaspiTotal - medusaTotal) < 0.01
}

/**
 * A price change on Kaspi: Medusa's quantities follow Kaspi's (after the
 * reductions, none raised) and still the totals differ. Prices are never
 * edited; a person decides. (With a raise pending the totals differ anyway:
 * that is said once, as the raise.)
 */
export function kaspiPriceDiffers(plan: KaspiLinesPlan, kaspiTotal: number, medusaTotalAfter: number): boolean {
  return plan.increases.length === 0 && !totalsAgree(kaspiTotal, medusaTotalAfter)
}

/** "Чехол 3 → 1, Кабель 1 → 0": the changes in one line of history, in Kaspi's entry order (the order's items come back in any order). */
export function describeLineChanges(changes: Array<{ title: string | null; from: number; to: number; kaspi_entry_id?: string | null }>): string {
  return [...changes]
    .sort((a, b) => (a.kaspi_entry_id ?? "").localeCompare(b.kaspi_entry_id ?? ""))
    .map((c) => `${c.title ?? "?"} ${c.from} → ${c.to}`)
    .join(", ")
}
