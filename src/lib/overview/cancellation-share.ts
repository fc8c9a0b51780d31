import { KASPI_CANCELLATION_REASONS } from "../../modules/kaspi/client/schemas"

/**
 * Kaspi's quality index: a cancellation share above 5% over 30 days means a
 * 7-day disconnection, and sellers are told to stay under 3%
 * (/work/shared/kaspi/MARKET.md §1, §5.6). The overview shows where a shop stands.
 */
export const CANCELLATION_WINDOW_DAYS = 30
export const CANCELLATION_WARNING_SHARE = 0.03
export const CANCELLATION_PENALTY_SHARE = 0.05

/** Statuses that count as a cancellation: done, or in progress on Kaspi's side. */
export const CANCELLED_STATUSES = ["CANCELLED", "CANCELLING"] as const

/** Reasons a merchant gives (API.md b); any other reason was set by Kaspi (timeouts, courier, support …). */
export const MERCHANT_CANCELLATION_REASONS: readonly string[] = KASPI_CANCELLATION_REASONS

export type CancellationLevel = "ok" | "warning" | "penalty"

export interface CancellationCounts {
  /** Every Kaspi order created in the window. */
  total: number
  /** Of those, cancelled (or being cancelled) with a merchant reason. */
  merchant: number
  /** Of those, cancelled by Kaspi's side (any other reason, or none). */
  kaspi: number
}

export interface CancellationShare extends CancellationCounts {
  cancelled: number
  /** cancelled / total, 0 when there were no orders. */
  share: number
  level: CancellationLevel
  warning_share: number
  penalty_share: number
  window_days: number
}

/** Where a 30-day cancellation count stands against Kaspi's 3% warning and 5% penalty thresholds. */
export function cancellationShare(c: CancellationCounts): CancellationShare {
  const cancelled = c.merchant + c.kaspi
  const share = c.total > 0 ? cancelled / c.total : 0
  // Kaspi's penalty is for "above 5%"; 5% exactly is already the last warning.
  const level: CancellationLevel = share > CANCELLATION_PENALTY_SHARE ? "penalty" : share >= CANCELLATION_WARNING_SHARE ? "warning" : "ok"
  return {
    ...c,
    cancelled,
    share,
    level,
    warning_share: CANCELLATION_WARNING_SHARE,
    penalty_share: CANCELLATION_PENALTY_SHARE,
    window_days: CANCELLATION_WINDOW_DAYS,
  }
}

/** Start of the window ending at `now`. */
export function cancellationWindowStart(now: Date): Date {
  return new Date(now.getTime() - CANCELLATION_WINDOW_DAYS * 24 * 3600 * 1000)
}
