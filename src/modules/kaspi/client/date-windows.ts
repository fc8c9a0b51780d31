export const DAY_MS = 24 * 60 * 60 * 1000
/** Kaspi refuses a creationDate filter wider than 14 days (API.md a.1). */
export const KASPI_MAX_WINDOW_MS = 14 * DAY_MS

export interface DateWindow {
  /** inclusive, epoch ms */
  from: number
  /** inclusive, epoch ms */
  to: number
}

/**
 * Splits [from, to] (both inclusive, epoch ms) into consecutive windows no wider
 * than maxWindowMs, without gaps or overlaps, oldest first.
 */
export function splitIntoWindows(from: number, to: number, maxWindowMs = KASPI_MAX_WINDOW_MS): DateWindow[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError("from and to must be finite epoch milliseconds")
  }
  if (maxWindowMs < 1) {
    throw new RangeError("maxWindowMs must be positive")
  }
  if (to < from) return []
  const windows: DateWindow[] = []
  let start = from
  while (start <= to) {
    const end = Math.min(start + maxWindowMs - 1, to)
    windows.push({ from: start, to: end })
    start = end + 1
  }
  return windows
}

export function toEpochMs(value: Date | number): number {
  return value instanceof Date ? value.getTime() : value
}
