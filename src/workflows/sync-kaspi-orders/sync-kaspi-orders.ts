import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder, KaspiOrderState } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { importKaspiOrderSafely, type ImportOutcome } from "./import-kaspi-order-safely"
import { applyKaspiStatusChange } from "./apply-kaspi-status-change"

export const NEW_ORDER_STATES: KaspiOrderState[] = ["NEW", "SIGN_REQUIRED"]
export const ACCEPTED_ORDER_STATES: KaspiOrderState[] = ["PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]
export const ALL_ORDER_STATES: KaspiOrderState[] = [...NEW_ORDER_STATES, ...ACCEPTED_ORDER_STATES]

export interface SyncKaspiOrdersInput {
  accountId: string
  from: Date | number
  to: Date | number
  states: KaspiOrderState[]
}

export interface SyncStats {
  seen: number
  invalid: number
  imported: number
  needs_attention: number
  failed: number
  ignored: number
  skipped: number
  unchanged: number
  status_changes: number
  pages: number
}

export const emptyStats = (): SyncStats => ({
  seen: 0,
  invalid: 0,
  imported: 0,
  needs_attention: 0,
  failed: 0,
  ignored: 0,
  skipped: 0,
  unchanged: 0,
  status_changes: 0,
  pages: 0,
})

export function addStats(a: SyncStats, b: SyncStats): SyncStats {
  const out = { ...a }
  for (const k of Object.keys(b) as Array<keyof SyncStats>) out[k] += b[k]
  return out
}

/** Orders polling keeps importing by itself; the rest wait for a person (admin retry). */
const AUTO_IMPORT = new Set(["pending", "importing"])

/**
 * Reads every Kaspi order created in [from, to] in the given states (as ≤14-day
 * windows and pages of 100 with their entries: one request per 100 orders),
 * records each one, imports the new ones and applies Kaspi-side status changes
 * to those already imported. One broken order never stops the rest.
 */
export async function syncKaspiOrders(container: MedusaContainer, input: SyncKaspiOrdersInput): Promise<SyncStats> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const client = await kaspi.getClient(input.accountId)
  const stats = emptyStats()

  for await (const page of client.walkOrders({
    state: input.states,
    from: input.from,
    to: input.to,
    include: ["entries"],
  })) {
    stats.pages += 1
    for (const invalid of page.invalid) {
      stats.invalid += 1
      // A record the database refuses must not stop the poll (the same order would stop every poll).
      const row = await kaspi.recordInvalidKaspiOrder(input.accountId, invalid).catch(() => null)
      await kaspi.logKaspiEvent({
        account_id: input.accountId,
        kaspi_order_id: row?.id ?? null,
        kaspi_code: invalid.code ?? null,
        type: "import.failed",
        result: "error",
        message: `Kaspi sent an order the plugin cannot read: ${invalid.reason}`,
      })
    }
    // One read for the page's known orders instead of one per order.
    const known = new Map(
      (
        await kaspi.listKaspiOrders(
          { account_id: input.accountId, kaspi_id: page.orders.map((o) => o.id) },
          { select: [...KNOWN_FIELDS], take: page.orders.length || 1 }
        )
      ).map((r) => [r.kaspi_id, r])
    )
    for (const order of page.orders) {
      stats.seen += 1
      stats[await syncOne(container, kaspi, input.accountId, order, known.get(order.id) ?? null)] += 1
    }
  }
  return stats
}

type SyncOutcome = ImportOutcome | "unchanged" | "status_changes"

/** One order by its code (any age): admin refresh, and open orders older than the window. */
export async function syncKaspiOrderByCode(container: MedusaContainer, accountId: string, code: string): Promise<SyncOutcome | "invalid"> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const order = await (await kaspi.getClient(accountId)).getOrderByCode(code)
  if (!order) return "skipped"
  return syncOne(container, kaspi, accountId, order)
}

const KNOWN_FIELDS = ["id", "kaspi_id", "status", "state", "import_status", "order_id", "assembled", "waybill_url"] as const
type KnownOrder = { id: string; status: string; state: string; import_status: string; order_id: string | null; assembled: boolean; waybill_url: string | null }

async function syncOne(
  container: MedusaContainer,
  kaspi: KaspiModuleService,
  accountId: string,
  order: KaspiOrder,
  known?: KnownOrder | null
): Promise<SyncOutcome> {
  const existing =
    known === undefined
      ? (await kaspi.listKaspiOrders({ account_id: accountId, kaspi_id: order.id }, { select: [...KNOWN_FIELDS] }))[0]
      : known
  if (existing && !AUTO_IMPORT.has(existing.import_status)) {
    const statusChanged = existing.status !== order.attributes.status
    const detailsChanged =
      existing.state !== order.attributes.state ||
      existing.assembled !== (order.attributes.assembled === true) ||
      (order.attributes.kaspiDelivery?.waybill ?? null) !== (existing.waybill_url ?? null)
    if (!statusChanged && !detailsChanged) return "unchanged"
    await kaspi.upsertKaspiOrderRecord(accountId, order)
    if (statusChanged && existing.order_id) {
      await applyKaspiStatusChange(container, {
        accountId,
        kaspiOrderId: existing.id,
        orderId: existing.order_id,
        previousStatus: existing.status,
        order,
      })
    }
    return statusChanged ? "status_changes" : "unchanged"
  }
  const complete = await withAllEntries(kaspi, accountId, order)
  return (await importKaspiOrderSafely(container, accountId, complete)).outcome
}

/** The list response may leave entries out of `included`: fetch them before importing. */
async function withAllEntries(kaspi: KaspiModuleService, accountId: string, order: KaspiOrder): Promise<KaspiOrder> {
  if (!order.missingEntryIds.length && order.entries.length) return order
  const entries = await (await kaspi.getClient(accountId)).getOrderEntries(order.id)
  return { ...order, entries, missingEntryIds: [] }
}
