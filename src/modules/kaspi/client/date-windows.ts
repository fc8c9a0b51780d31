export const DAY_MS = 24 * 60 * 60 * 1000
/** Kaspi refuses a creationDate filter wider than 14 days (API.md a.1). */
export const KASPI_MAX_WINDOW_MS = 14 * DAY_MS
/**
 * The window the plugin asks for. API.md a.0 says Kaspi counts dates in Almaty
 * time and a.1 only says "14 days": read inclusively in Almaty calendar days, a
 * window of 14 × 24 h − 1 ms spans 15 days and would be refused. 13 days stays
 * within 14 under every reading (ms, calendar days, inclusive or not).
 */
export const KASPI_WINDOW_MS = 13 * DAY_MS
/**
 * Consecutive windows overlap by this much, so an order whose creationDate sits
 * on a boundary (Kaspi rounding, an exclusive $le) is in at least one of them.
 */
export const KASPI_WINDOW_OVERLAP_MS = 60 * 60 * 1000

export interface DateWindow {
  /** inclusive, epoch ms */
  from: number
  /** inclusive, epoch ms */
  to: number
}

export interface WindowShape {
  /** the widest window asked for */
  maxMs: number
  /** how much each window repeats of the one before it */
  overlapMs: number
}

export const DEFAULT_WINDOW_SHAPE: WindowShape = { maxMs: KASPI_WINDOW_MS, overlapMs: KASPI_WINDOW_OVERLAP_MS }

/**
 * Splits [from, to] (both inclusive, epoch ms) into windows no wider than
 * shape.maxMs, oldest first; each starts `overlapMs` before the previous one
 * ended, so together they cover the range with no gap even if Kaspi reads a
 * bound differently than we do.
 */
export function splitIntoWindows(from: number, to: number, shape: WindowShape = DEFAULT_WINDOW_SHAPE): DateWindow[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError("from and to must be finite epoch milliseconds")
  }
  const { maxMs, overlapMs } = shape
  if (maxMs < 1) throw new RangeError("the window must be positive")
  if (overlapMs < 0 || overlapMs >= maxMs / 2) throw new RangeError("the overlap must be under half a window")
  if (to < from) return []
  const windows: DateWindow[] = []
  let start = from
  for (;;) {
    const end = Math.min(start + maxMs - 1, to)
    windows.push({ from: start, to: end })
    if (end >= to) return windows
    start = end + 1 - overlapMs
  }
}

export function toEpochMs(value: Date | number): number {
  return value instanceof Date ? value.getTime() : value
}
