import { sql } from "./db"

/**
 * Watches the poll lease (kaspi_sync_state.lease_owner, one owner id per poll)
 * every 200 ms. A poll ends by clearing the owner and writing its outcome
 * (last_new_poll_at / last_error / last_stats). An owner replaced by another
 * without that outcome having changed in between means the second poll took
 * the lease while the first was still running: two polls at once. (Sampling
 * may miss the short moment with no owner; the outcome columns never lie.)
 */
export function startLeaseSampler(db: string, everyMs = 200) {
  const owners: string[] = []
  let last: { owner: string | null; finished: string } | null = null
  let steals = 0
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const [row] = await sql(
        db,
        `select lease_owner, concat_ws('|', last_new_poll_at::text, last_error, last_stats::text) as finished
         from kaspi_sync_state where deleted_at is null limit 1`
      ).catch(() => [])
      const now = { owner: (row?.lease_owner as string) ?? null, finished: String(row?.finished ?? "") }
      if (now.owner && now.owner !== last?.owner) {
        if (last?.owner && last.finished === now.finished) steals += 1
        owners.push(now.owner)
      }
      last = now
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      return { polls_seen: owners.length, lease_taken_mid_poll: steals }
    },
  }
}
