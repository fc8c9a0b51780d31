import type { KaspiSandbox, SandboxOrder } from "../../../sandbox"
import { RELIABILITY_SKUS } from "./catalog"
import { sql } from "./db"

export type Expected = Map<string, { quantity: number; total: number }>

/**
 * N new Kaspi orders waiting for acceptance (APPROVED_BY_BANK), created within
 * the last minute of sandbox time (as real orders appear: a poll reads from its
 * previous run minus a 10-minute overlap, so backdated orders would be missed
 * by design), for SKUs the seed created in Medusa. Returns what each must
 * become in Medusa.
 */
export function seedKaspiOrders(sandbox: KaspiSandbox, count: number, seed: number): { orders: SandboxOrder[]; expected: Expected } {
  const now = sandbox.now()
  const orders = sandbox.seedOrders({
    count,
    seed,
    skus: RELIABILITY_SKUS.map(({ sku, name, price }) => ({ sku, name, price })),
    mix: { statuses: { APPROVED_BY_BANK: 1 }, preOrder: 0, signatureRequired: 0, credit: 0 },
    from: now - 60_000,
    to: now - 1000,
  })
  const expected: Expected = new Map(
    orders.map((o) => [o.code, { quantity: o.entries.reduce((s, e) => s + e.quantity, 0), total: o.totalPrice }])
  )
  return { orders, expected }
}

/** How many of these Kaspi orders are imported (a cheap progress probe). */
export async function importedCount(db: string, codes: string[]): Promise<number> {
  const [r] = await sql(db, `select count(*)::int as n from kaspi_order where code = any($1) and import_status = 'imported' and deleted_at is null`, [codes])
  return r.n
}

/** Outbox rows of these orders still to be sent. */
export async function unsentActions(db: string, codes: string[]): Promise<number> {
  const [r] = await sql(db, `select count(*)::int as n from kaspi_action where code = any($1) and status in ('pending', 'sending') and deleted_at is null`, [codes])
  return r.n
}

/** import_status counts and the distinct reasons of these Kaspi orders (what a failure message should show). */
export async function importSummary(db: string, codes: string[]): Promise<string> {
  const rows = await sql(
    db,
    `select import_status, count(*)::int as n, string_agg(distinct left(coalesce(import_reason, ''), 160), ' | ') as reasons
     from kaspi_order where code = any($1) group by 1`,
    [codes]
  )
  return rows.map((r) => `${r.import_status}: ${r.n}${r.reasons ? ` (${r.reasons})` : ""}`).join("; ")
}
