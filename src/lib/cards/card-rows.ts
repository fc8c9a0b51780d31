import type { KaspiCardImportView, KaspiCardView } from "../../types/admin-cards"

const date = (v: unknown): Date | null => (v ? new Date(v as string) : null)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

/** A kaspi_card_import row (as listKaspiCardImports returns it) in the routes' shape. */
export function toCardImport(row: Record<string, any>): KaspiCardImportView {
  return {
    id: row.id,
    account_id: row.account_id,
    import_code: row.import_code ?? null,
    status: row.status,
    status_name: row.status_name ?? null,
    description: row.description ?? null,
    category: row.category ?? null,
    skus: strings(row.skus),
    product_ids: strings(row.product_ids),
    errors: row.errors ?? null,
    warnings: row.warnings ?? null,
    skipped: row.skipped ?? null,
    total: row.total ?? null,
    result: row.result ?? null,
    error: row.error ?? null,
    sent_at: date(row.sent_at),
    finished_at: date(row.finished_at),
    checked_at: date(row.checked_at),
    checks: row.checks ?? 0,
    created_at: new Date(row.created_at),
  }
}

/** A kaspi_card row in the routes' shape (the card JSON itself left out). */
export function toCardView(row: Record<string, any>): KaspiCardView {
  return {
    product_id: row.product_id,
    variant_id: row.variant_id,
    sku: row.sku,
    category: row.category,
    state: row.state,
    messages: strings(row.messages),
    import_id: row.import_id ?? null,
    updated_at: new Date(row.updated_at),
  }
}
