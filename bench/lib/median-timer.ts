/** Median wall time (ms) of `reps` runs after `warmup` untimed ones; `before` runs untimed ahead of each. */
export async function medianMs(run: () => Promise<unknown>, opts: { reps: number; warmup: number; before?: () => Promise<unknown> }): Promise<number> {
  const times: number[] = []
  for (let k = 0; k < opts.warmup + opts.reps; k++) {
    await opts.before?.()
    const t0 = performance.now()
    await run()
    const ms = performance.now() - t0
    if (k >= opts.warmup) times.push(ms)
  }
  times.sort((a, b) => a - b)
  const mid = Math.floor(times.length / 2)
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2
}

/**
 * The median time of each operation, timed in rounds: every round runs each operation once, so a burst of
 * background work (a scheduled job, autovacuum, a collection) lands on one round of every operation instead
 * of on every run of one, and the median leaves it out.
 */
export async function medianMsByRounds(
  ops: Array<{ op: string; run: () => Promise<unknown>; before?: () => Promise<unknown> }>,
  opts: { reps: number; warmup: number }
): Promise<Record<string, number>> {
  const times = new Map<string, number[]>(ops.map((o) => [o.op, []]))
  for (let k = 0; k < opts.warmup + opts.reps; k++) {
    for (const o of ops) {
      await o.before?.()
      const t0 = performance.now()
      await o.run()
      const ms = performance.now() - t0
      if (k >= opts.warmup) times.get(o.op)!.push(ms)
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    const mid = Math.floor(s.length / 2)
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  }
  return Object.fromEntries(ops.map((o) => [o.op, median(times.get(o.op)!)]))
}
