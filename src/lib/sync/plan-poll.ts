import type { KaspiOrderState } from "../../modules/kaspi/client"
import type { KaspiListRead } from "./sync-kaspi-orders"

/** Where an order waits for the merchant, Kaspi or the buyer: changes here must show within a minute. */
export const OPEN_ORDER_STATES: KaspiOrderState[] = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY"]
/** Where new orders appear: the only reads whose orders are usually imported, so the only ones with entries. */
const STATES_WITH_NEW_ORDERS = new Set<KaspiOrderState>(["NEW", "SIGN_REQUIRED"])
/**
 * What still happens to a finished order (API.md (b)): a return (requested, then returned) or a late
 * cancel. RETURN_ACCEPTED_BY_MERCHANT is left to the full read: it is not among the guide's filter
 * values (a.1), and the order reads RETURNED later anyway.
 */
export const ARCHIVE_CHANGE_STATUSES = ["CANCELLING", "CANCELLED", "KASPI_DELIVERY_RETURN_REQUESTED", "RETURNED"]

export type ArchiveRead = "none" | "by_status" | "all"

export interface PollPlanInput {
  now: number
  /** The widest creationDate range one list read may span (the client's window). */
  windowMs: number
  lastOpenRound: number | null
  lastArchiveRound: number | null
  /** The last tick that read the whole archive. */
  lastWholeArchive: number | null
  force?: boolean
  /** Kaspi answered a status-filtered read with other statuses: read the whole archive. */
  statusFilterIgnored?: boolean
  options: {
    initialLookbackDays: number
    archiveSyncIntervalSeconds: number
    archiveRead: "by_status" | "all"
    archiveFullReadHours: number
  }
}

export interface PollPlan {
  /** creationDate from which this tick reads (to = now). */
  from: number
  /** The open states, every tick. */
  openReads: KaspiListRead[]
  archive: ArchiveRead
  archiveReads: KaspiListRead[]
}

const DAY_MS = 86_400_000

/**
 * What one poll tick reads of Kaspi (issue: a busy shop's load). Open orders
 * every tick, over the whole window, with entries only where new orders
 * appear. The archive only every archiveSyncIntervalSeconds, and then only the
 * statuses that change after an order is finished; the whole archive on the
 * first poll, on "sync now", every archiveFullReadHours and after polling
 * stopped for longer than the archive interval — orders created and finished
 * while nobody polled are found there.
 */
export function planPoll(input: PollPlanInput): PollPlan {
  const { now, options: o } = input
  const earliest = now - input.windowMs + 1
  const first = input.lastOpenRound === null || input.lastArchiveRound === null
  const from = first ? Math.min(now - o.initialLookbackDays * DAY_MS, earliest) : earliest
  const openReads = OPEN_ORDER_STATES.map((state) => ({ state, entries: STATES_WITH_NEW_ORDERS.has(state) }))

  const archiveMs = o.archiveSyncIntervalSeconds * 1000
  const last = input.lastArchiveRound
  const archiveDue = input.force || last === null || now - last >= archiveMs
  if (!archiveDue) return { from, openReads, archive: "none", archiveReads: [] }

  const full =
    input.force ||
    last === null ||
    input.lastWholeArchive === null ||
    o.archiveRead === "all" ||
    input.statusFilterIgnored ||
    now - input.lastWholeArchive >= o.archiveFullReadHours * 3_600_000 ||
    (input.lastOpenRound !== null && now - input.lastOpenRound > archiveMs)
  const archiveReads: KaspiListRead[] = full
    ? // On the first poll most archived orders are new to the plugin: their entries come with the page.
      [{ state: "ARCHIVE", entries: last === null }]
    : ARCHIVE_CHANGE_STATUSES.map((status) => ({ state: "ARCHIVE" as const, status, entries: false }))
  return { from, openReads, archive: full ? "all" : "by_status", archiveReads }
}
