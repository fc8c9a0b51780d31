import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { KaspiApiError, splitIntoWindows, type KaspiOrderState } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiBackfillRow } from "../../modules/kaspi/service"
import { syncKaspiOrdersPage } from "../sync/sync-kaspi-orders"

export interface BackfillSliceLimits {
  /** Pages read per slice at most, so one tick never runs long… */
  maxPages: number
  /** …nor longer than this (checked between pages). */
  maxMs: number
  /** The lease renewed after every page: a worker that died frees the backfill this long after its last page. */
  leaseSeconds: number
  /** A failed slice waits this long before the next one tries again… */
  retryAfterSeconds: number
  /** …and after this many failed slices in a row the backfill fails. */
  maxFailures: number
}

export const DEFAULT_BACKFILL_SLICE_LIMITS: BackfillSliceLimits = {
  maxPages: 30,
  maxMs: 8_000,
  leaseSeconds: 60,
  retryAfterSeconds: 30,
  maxFailures: 5,
}

export type BackfillSliceOutcome = "done" | "cancelled" | "continues" | "lost" | "retry" | "failed"

/** Retrying cannot help these: the token or the request itself is wrong. */
const FINAL_ERROR_KINDS = new Set(["unauthorized", "forbidden", "not_configured", "bad_request"])

/**
 * Works on one claimed backfill for one slice: from its stored cursor (window,
 * state, page), one list request per page (one state, a window under 14 days,
 * pages of 100; API.md a.1, §f.3), each page synced like a poll's and the
 * cursor and counts stored after it, until the range is done, a person
 * cancels, or the slice's budget is spent (then the lease is released and the
 * next tick goes on). Re-reading a page after a crash imports nothing twice:
 * the order ledger's unique record and import claim see to that.
 */
export async function runKaspiBackfillSlice(
  container: MedusaContainer,
  backfill: KaspiBackfillRow,
  owner: string,
  limits: BackfillSliceLimits = DEFAULT_BACKFILL_SLICE_LIMITS
): Promise<BackfillSliceOutcome> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  if (backfill.status === "cancelling") {
    await kaspi.settleKaspiBackfill(backfill.id, owner, "cancelled")
    return "cancelled"
  }
  const states = backfill.states as KaspiOrderState[]
  let { windows_done: w, state_index: s, page: p } = backfill
  const deadline = Date.now() + limits.maxMs
  const done = new Set<string>()
  try {
    const client = await kaspi.getClient(backfill.account_id)
    const windows = splitIntoWindows(new Date(backfill.range_from).getTime(), new Date(backfill.range_to).getTime(), client.window)
    for (let pages = 0; w < windows.length; pages++) {
      if (pages >= limits.maxPages || Date.now() >= deadline) {
        await kaspi.settleKaspiBackfill(backfill.id, owner, "release")
        return "continues"
      }
      const window = windows[w]
      const page = await client.listOrders({ state: states[s], from: window.from, to: window.to, page: p, include: ["entries"] })
      const stats = await syncKaspiOrdersPage(container, backfill.account_id, page, done)
      // The next page, else the next state, else the next window (walkOrders' rule for the last page).
      p += 1
      if (p >= page.pageCount || page.orders.length + page.invalid.length === 0) {
        p = 0
        s += 1
        if (s >= states.length) {
          s = 0
          w += 1
        }
      }
      const status = await kaspi.saveKaspiBackfillProgress(
        backfill.id,
        owner,
        {
          windows_total: windows.length,
          windows_done: w,
          state_index: s,
          page: p,
          current_window: windows[w] ?? null,
          add: { seen: stats.seen, imported: stats.imported, needs_attention: stats.needs_attention, failed: stats.failed + stats.invalid },
        },
        limits.leaseSeconds
      )
      if (status === null) return "lost"
      if (status === "cancelling") {
        await kaspi.settleKaspiBackfill(backfill.id, owner, "cancelled")
        return "cancelled"
      }
    }
    await kaspi.settleKaspiBackfill(backfill.id, owner, "done")
    return "done"
  } catch (e) {
    const final = e instanceof KaspiApiError && FINAL_ERROR_KINDS.has(e.kind)
    const status = await kaspi.recordKaspiBackfillFailure(backfill.id, owner, {
      error: (e as Error).message,
      final,
      retryAfterSeconds: limits.retryAfterSeconds,
      maxFailures: limits.maxFailures,
    })
    return status === "failed" ? "failed" : "retry"
  }
}
