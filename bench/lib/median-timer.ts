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
