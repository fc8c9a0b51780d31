/**
 * When an account's feed is due. The job ticks every minute on every worker;
 * an account is due when its last build (of any outcome) started at least
 * `interval_minutes` ago, or it never built. Failed and refused builds count:
 * retrying a broken catalog every minute would only flood the history.
 * A build still marked "running" for longer than STALE_RUNNING_MS is treated
 * as dead (its worker crashed) and no longer blocks.
 */
export const STALE_RUNNING_MS = 60 * 60_000

export function isFeedDue(
  now: Date,
  intervalMinutes: number,
  last: { started_at: Date | string; status: string } | null
): boolean {
  if (!last) return true
  const started = new Date(last.started_at).getTime()
  if (last.status === "running") return now.getTime() - started >= STALE_RUNNING_MS
  // 5 s of slack so a build that took a few seconds does not slip a whole tick.
  return now.getTime() - started >= intervalMinutes * 60_000 - 5_000
}
