import type { ProxiedRequest } from "./counting-proxy"
import { sql } from "./db"

const TICK_MS = 10_000

/**
 * The read that starts a poll: every poll reads state NEW first (one state per
 * request), and the last of its windows ends at the poll's "now". Earlier
 * windows of a long first poll end days before, so they are not counted again.
 */
function isPollStart(r: ProxiedRequest): boolean {
  if (r.method !== "GET" || !r.path.startsWith("/shop/api/v2/orders?")) return false
  const q = new URLSearchParams(r.path.split("?")[1])
  const le = Number(q.get("filter[orders][creationDate][$le]"))
  return (
    q.get("filter[orders][state]") === "NEW" &&
    q.get("page[number]") === "0" &&
    !q.get("filter[orders][code]") &&
    Number.isFinite(le) &&
    le >= r.at - 60_000
  )
}

/**
 * Polls and outbox sends per instance and per 10-second tick of the poll and
 * outbox jobs, from the Kaspi calls each instance made, and the feed builds
 * from kaspi_feed_build. "Once per tick" = never two polls in one tick, never
 * two feed builds within one 1-minute interval.
 */
export async function tickReport(db: string, calls: Record<string, ProxiedRequest[]>, since: number) {
  const polls = Object.entries(calls).flatMap(([instance, log]) => log.filter((r) => r.at >= since && isPollStart(r)).map((r) => ({ instance, at: r.at })))
  const perTick = new Map<number, string[]>()
  for (const p of polls) perTick.set(Math.floor(p.at / TICK_MS), [...(perTick.get(Math.floor(p.at / TICK_MS)) ?? []), p.instance])
  const writes = Object.fromEntries(Object.entries(calls).map(([i, log]) => [i, log.filter((r) => r.at >= since && r.method === "POST").length]))
  const builds = await sql(db, `select started_at, status, trigger from kaspi_feed_build where deleted_at is null and started_at >= $1 order by started_at`, [new Date(since)])
  const gaps = builds.slice(1).map((b, i) => new Date(b.started_at).getTime() - new Date(builds[i].started_at).getTime())
  return {
    polls: polls.length,
    polls_by_instance: Object.fromEntries(Object.keys(calls).map((i) => [i, polls.filter((p) => p.instance === i).length])),
    ticks_with_two_polls: [...perTick.values()].filter((v) => v.length > 1).length,
    kaspi_writes_by_instance: writes,
    feed_builds: builds.length,
    feed_builds_by_status: builds.reduce((m: Record<string, number>, b) => ((m[b.status] = (m[b.status] ?? 0) + 1), m), {}),
    feed_min_gap_s: gaps.length ? Math.round(Math.min(...gaps) / 1000) : null,
  }
}
