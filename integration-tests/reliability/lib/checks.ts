import type { RecordedAction } from "../../../sandbox"
import { sql } from "./db"

export interface OrderCheck {
  kaspiOrders: number
  imported: number
  medusaOrders: number
  duplicates: number
  orphans: number
  notWhole: string[]
}

/**
 * Every Kaspi order of `codes` must be one Medusa order, and whole: imported
 * and linked (kaspi_order.order_id and the link table agree), lines with the
 * quantity Kaspi sold, that quantity reserved, the payment collection captured
 * in full. Medusa orders carrying a kaspi_id that no kaspi_order points to
 * (half-made by a crashed import) are counted as orphans; more than one live
 * order per kaspi_id as duplicates.
 */
export async function checkOrders(db: string, expected: Map<string, { quantity: number; total: number }>): Promise<OrderCheck> {
  const codes = [...expected.keys()]
  const rows = await sql(
    db,
    `select k.code, k.import_status, k.order_id, k.import_reason,
       (select count(*) from kaspi_kaspi_order_order_order l where l.kaspi_order_id = k.id and l.deleted_at is null) as links,
       (select count(*) from kaspi_kaspi_order_order_order l where l.kaspi_order_id = k.id and l.order_id = k.order_id and l.deleted_at is null) as links_agree,
       (select coalesce(sum(oi.quantity), 0) from order_item oi where oi.order_id = k.order_id and oi.deleted_at is null
          and oi.version = (select o.version from "order" o where o.id = k.order_id)) as quantity,
       (select coalesce(sum(r.quantity), 0) from reservation_item r join order_item oi on oi.item_id = r.line_item_id
          where oi.order_id = k.order_id and r.deleted_at is null and oi.deleted_at is null
          and oi.version = (select o.version from "order" o where o.id = k.order_id)) as reserved,
       (select string_agg(pc.status || ':' || coalesce(pc.captured_amount, 0)::text, ',') from order_payment_collection opc
          join payment_collection pc on pc.id = opc.payment_collection_id
          where opc.order_id = k.order_id and opc.deleted_at is null and pc.deleted_at is null) as payments
     from kaspi_order k where k.code = any($1) and k.deleted_at is null`,
    [codes]
  )
  const perKaspiId = await sql(
    db,
    `select o.metadata->>'kaspi_code' as code, count(*)::int as n,
       count(*) filter (where not exists (select 1 from kaspi_order k where k.order_id = o.id))::int as orphans
     from "order" o where o.deleted_at is null and o.metadata->>'kaspi_code' = any($1) group by 1`,
    [codes]
  )
  const notWhole: string[] = []
  for (const r of rows) {
    const want = expected.get(r.code)!
    const problems: string[] = []
    if (r.import_status !== "imported" || !r.order_id) problems.push(`status ${r.import_status} (${r.import_reason ?? ""})`)
    else {
      if (Number(r.links) !== 1 || Number(r.links_agree) !== 1) problems.push(`links ${r.links}/${r.links_agree}`)
      if (Number(r.quantity) !== want.quantity) problems.push(`quantity ${r.quantity} ≠ ${want.quantity}`)
      if (Number(r.reserved) !== want.quantity) problems.push(`reserved ${r.reserved} ≠ ${want.quantity}`)
      if (r.payments !== `completed:${want.total}`) problems.push(`payments ${r.payments} ≠ completed:${want.total}`)
    }
    if (problems.length) notWhole.push(`${r.code}: ${problems.join("; ")}`)
  }
  for (const code of codes) if (!rows.some((r) => r.code === code)) notWhole.push(`${code}: no kaspi_order row`)
  return {
    kaspiOrders: rows.length,
    imported: rows.filter((r) => r.import_status === "imported").length,
    medusaOrders: perKaspiId.reduce((s, r) => s + r.n, 0),
    duplicates: perKaspiId.reduce((s, r) => s + Math.max(0, r.n - 1), 0),
    orphans: perKaspiId.reduce((s, r) => s + r.orphans, 0),
    notWhole,
  }
}

export interface ActionCheck {
  requested: number
  sentRows: number
  appliedOnKaspi: number
  doubleApplied: string[]
  missing: string[]
  /** writes Kaspi received beyond the one that applied (a resend after a crash or a timeout; Kaspi said "already") */
  redundantWrites: number
  faultedWrites: number
}

/** Each requested (code, Kaspi action) applied on Kaspi exactly once, and its outbox row `sent`. */
export async function checkActions(db: string, kaspiActions: RecordedAction[], wanted: Array<{ code: string; action: string }>): Promise<ActionCheck> {
  const rows = await sql(db, `select code, status from kaspi_action where deleted_at is null and code = any($1)`, [wanted.map((w) => w.code)])
  const doubleApplied: string[] = []
  const missing: string[] = []
  let applied = 0
  let redundant = 0
  for (const w of wanted) {
    const writes = kaspiActions.filter((a) => a.code === w.code && a.action === w.action)
    const ok = writes.filter((a) => a.result === "ok").length
    applied += Math.min(ok, 1)
    if (ok === 0) missing.push(w.code)
    if (ok > 1) doubleApplied.push(`${w.code} ×${ok}`)
    redundant += writes.filter((a) => a.result === "rejected").length
  }
  return {
    requested: wanted.length,
    sentRows: rows.filter((r) => r.status === "sent").length,
    appliedOnKaspi: applied,
    doubleApplied,
    missing,
    redundantWrites: redundant,
    faultedWrites: kaspiActions.filter((a) => a.result === "fault" && wanted.some((w) => w.code === a.code)).length,
  }
}
