import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder, KaspiOrderState, KaspiOrdersPage } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import { importKaspiOrderSafely, type ImportOutcome } from "./import-kaspi-order-safely"
import { applyKaspiStatusChange } from "./apply-kaspi-status-change"
import { applyKaspiLineChange } from "./apply-kaspi-line-change"
import { prepareAccountForImports } from "./prepare-account-for-imports"

export const NEW_ORDER_STATES: KaspiOrderState[] = ["NEW", "SIGN_REQUIRED"]
export const ACCEPTED_ORDER_STATES: KaspiOrderState[] = ["PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]
export const ALL_ORDER_STATES: KaspiOrderState[] = [...NEW_ORDER_STATES, ...ACCEPTED_ORDER_STATES]

/** One list read: a state, optionally one status, with or without the entries. */
export interface KaspiListRead {
  state: KaspiOrderState
  status?: string
  /** Included only where new orders are met (their import needs them); elsewhere only the status matters. */
  entries: boolean
}

export type SyncKaspiOrdersInput = {
  accountId: string
  from: Date | number
  to: Date | number
  /** Ids handled so far in this poll (filled in): an order met twice is handled once, and the caller sees what was read. */
  done?: Set<string>
} & ({ states: KaspiOrderState[]; reads?: never } | { reads: KaspiListRead[]; states?: never })

/** Every state, entries included: a one-off read (tests, "sync now" of a range). */
const readsOf = (states: KaspiOrderState[]): KaspiListRead[] => states.map((state) => ({ state, entries: true }))

/** Raised when a read filtered by status answered with other statuses: Kaspi ignored the filter (API.md a.1 "does not guarantee"). */
export class KaspiStatusFilterIgnored extends Error {
  constructor(readonly state: string, readonly status: string, readonly got: string) {
    super(`Kaspi answered a ${state} read filtered by status ${status} with a ${got} order: the status filter was ignored`)
    this.name = "KaspiStatusFilterIgnored"
  }
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
  /** imported orders whose lines or total Kaspi changed (without a status change) */
  line_changes: number
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
  line_changes: 0,
  pages: 0,
})

export function addStats(a: SyncStats, b: SyncStats): SyncStats {
  const out = { ...a }
  for (const k of Object.keys(b) as Array<keyof SyncStats>) out[k] += b[k]
  return out
}

/** Orders polling keeps importing by itself; the rest wait for a person (admin retry)… */
const AUTO_IMPORT = new Set(["pending", "importing"])
/** …or for Kaspi to change the order. */
const RETRY_ON_CHANGE = new Set(["needs_attention", "failed"])

/**
 * Reads every Kaspi order created in [from, to] in the given states — one
 * state per request (API.md §f.3), in windows under 14 days and pages of 100
 * with their entries — records each one, imports the new ones and applies
 * Kaspi-side changes to those already imported. One broken order never stops
 * the rest. An order met twice in one sync (overlapping windows, or moving
 * between states while we read) is handled once.
 */
export async function syncKaspiOrders(container: MedusaContainer, input: SyncKaspiOrdersInput): Promise<SyncStats> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const client = await kaspi.getClient(input.accountId)
  let stats = emptyStats()
  const done = input.done ?? new Set<string>()

  for (const read of input.reads ?? readsOf(input.states)) {
    const pages = client.walkOrders({
      state: read.state,
      status: read.status,
      from: input.from,
      to: input.to,
      include: read.entries ? ["entries"] : [],
    })
    for await (const page of pages) {
      const other = read.status ? page.orders.find((o) => o.attributes.status !== read.status) : undefined
      if (other) throw new KaspiStatusFilterIgnored(read.state, read.status as string, other.attributes.status)
      stats = addStats(stats, await syncKaspiOrdersPage(container, input.accountId, page, done))
    }
  }
  return stats
}

/**
 * One page of a Kaspi order list: records each order, imports the new ones and
 * applies Kaspi-side changes to those already imported. `done` holds the ids
 * already handled by this sync (overlapping windows, an order moving between
 * states while we read), so each is handled once. Used by the poll and by a
 * backfill's slice (lib/backfill).
 */
export async function syncKaspiOrdersPage(
  container: MedusaContainer,
  accountId: string,
  page: KaspiOrdersPage,
  done: Set<string>
): Promise<SyncStats> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const stats = emptyStats()
  stats.pages += 1
  for (const invalid of page.invalid) {
    if (invalid.id && done.has(invalid.id)) continue
    if (invalid.id) done.add(invalid.id)
    stats.invalid += 1
    await recordUnreadableOrder(kaspi, accountId, invalid)
  }
  const fresh = page.orders.filter((o) => !done.has(o.id))
  for (const o of fresh) done.add(o.id)
  if (!fresh.length) return stats
  await prepareAccountForImports(container, accountId)
  // One read for the page's known orders instead of one per order.
  const known = new Map(
    (
      await kaspi.listKaspiOrders({ account_id: accountId, kaspi_id: fresh.map((o) => o.id) }, { select: [...KNOWN_FIELDS], take: fresh.length })
    ).map((r) => [r.kaspi_id, r])
  )
  for (const order of fresh) {
    stats.seen += 1
    stats[await syncOne(container, kaspi, accountId, order, known.get(order.id) ?? null)] += 1
  }
  return stats
}

/**
 * An order Kaspi sent in a shape the plugin cannot read is kept and flagged,
 * never skipped in silence: a new one as `failed`, one already imported with
 * a sync problem on its record (it stops following Kaspi until it reads again).
 */
async function recordUnreadableOrder(
  kaspi: KaspiModuleService,
  accountId: string,
  invalid: { id?: string; code?: string; reason: string; raw: unknown }
): Promise<void> {
  // A record the database refuses must not stop the poll (the same order would stop every poll).
  const row = await kaspi.recordInvalidKaspiOrder(accountId, invalid).catch(() => null)
  if (row && !row.newly_flagged) return // said once, not at every tick
  await kaspi.logKaspiEvent({
    account_id: accountId,
    kaspi_order_id: row?.id ?? null,
    kaspi_code: invalid.code ?? null,
    type: "import.failed",
    result: "error",
    message: `Kaspi sent an order the plugin cannot read: ${invalid.reason}`,
    text: { code: "sync.unreadable", params: { reason: invalid.reason } },
    data: { reason: invalid.reason },
  })
}

type SyncOutcome = ImportOutcome | "unchanged" | "status_changes" | "line_changes"

/** One order by its code (any age): admin refresh, and open orders older than the window. */
export async function syncKaspiOrderByCode(container: MedusaContainer, accountId: string, code: string): Promise<SyncOutcome | "invalid"> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const order = await (await kaspi.getClient(accountId)).getOrderByCode(code)
  if (!order) return "skipped"
  await prepareAccountForImports(container, accountId)
  return syncOne(container, kaspi, accountId, order)
}

const KNOWN_FIELDS = ["id", "kaspi_id", "status", "state", "import_status", "order_id", "assembled", "waybill_url", "sync_problem", "total_price"] as const
type KnownOrder = {
  id: string
  status: string
  state: string
  import_status: string
  order_id: string | null
  assembled: boolean
  waybill_url: string | null
  sync_problem?: unknown
  total_price: number | string
}

/** Kaspi cuts lines only while an order is open (partial cancel, API.md a.12); later changes are a return's business. */
const LINES_CHANGE_WHILE = new Set(["APPROVED_BY_BANK", "ACCEPTED_BY_MERCHANT"])
/** A cancelled order's lines need not follow: the whole order is cancelled (API.md (b)). */
const CANCELLED = new Set(["CANCELLING", "CANCELLED"])

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
  const statusChanged = existing != null && existing.status !== order.attributes.status
  // Not made in Medusa yet and Kaspi moved on (an unknown status became a known one, a waiting order
  // was cancelled): decide again rather than keep showing the old reason.
  const decideAgain = existing != null && !existing.order_id && statusChanged && RETRY_ON_CHANGE.has(existing.import_status)
  if (existing && !AUTO_IMPORT.has(existing.import_status) && !decideAgain) {
    // Kaspi's total moves with every line it cuts or cancels (a.12: prices recalculated by Kaspi), so
    // comparing it with the recorded one finds a line change without reading the Medusa order.
    const totalChanged = Number(existing.total_price) !== order.attributes.totalPrice
    const detailsChanged =
      // a readable answer clears an earlier sync problem
      existing.sync_problem != null ||
      totalChanged ||
      existing.state !== order.attributes.state ||
      existing.assembled !== (order.attributes.assembled === true) ||
      (order.attributes.kaspiDelivery?.waybill ?? null) !== (existing.waybill_url ?? null)
    if (!statusChanged && !detailsChanged) return "unchanged"
    const followLines =
      totalChanged && existing.order_id != null && LINES_CHANGE_WHILE.has(existing.status) && !CANCELLED.has(order.attributes.status)
    // Every entry is read before the new total is recorded: a read that fails leaves the old total, so
    // the next sync notices the change again.
    const withLines = followLines ? await withAllEntries(kaspi, accountId, order) : order
    // Stored with the entries just read: a status-only read keeps the old ones, which after a line change
    // would offer the order card's line cancel Kaspi's quantities from before it.
    await kaspi.upsertKaspiOrderRecord(accountId, withLines)
    // Lines before the status: an order cut while open and accepted or completed since is edited first
    // and then moves on with the lines Kaspi kept; one cancelled since has no lines to follow.
    if (followLines) {
      await applyKaspiLineChange(container, { accountId, kaspiOrderId: existing.id, orderId: existing.order_id as string, order: withLines })
    }
    if (statusChanged && existing.order_id) {
      await applyKaspiStatusChange(container, {
        accountId,
        kaspiOrderId: existing.id,
        orderId: existing.order_id,
        previousStatus: existing.status,
        order,
      })
    }
    return statusChanged ? "status_changes" : followLines ? "line_changes" : "unchanged"
  }
  const complete = await withAllEntries(kaspi, accountId, order)
  return (await importKaspiOrderSafely(container, accountId, complete)).outcome
}

/** The list response may leave entries out of `included`: fetch them before importing. */
async function withAllEntries(kaspi: KaspiModuleService, accountId: string, order: KaspiOrder): Promise<KaspiOrder> {
  if (!order.missingEntryIds.length && order.entries.length) return order
  const entries = await (await kaspi.getClient(accountId)).getOrderEntries(order.id)
  // The stored JSON keeps what Kaspi sent: the order as listed, its entries as just read.
  return { ...order, entries, missingEntryIds: [], raw: { ...order.raw, entries: entries.map((e) => e.raw ?? e) } }
}
