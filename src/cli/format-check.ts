import type { KaspiCheckProbe, KaspiCheckProbeId, KaspiCheckResult } from "../modules/kaspi/check"
import { countStatuses } from "../modules/kaspi/check"

/** What each probe confirms, in the CLI's words (the admin has its own, in EN and RU). */
const NAMES: Record<KaspiCheckProbeId, string> = {
  reachability: "Kaspi answers from here",
  token: "Token accepted",
  states: "Orders by state, one state per request",
  window: "The plugin's widest date window",
  archive_status: "Archived orders by status (filter[orders][status])",
  entries: "Orders with their lines (include=entries)",
  by_code: "Order by code",
  cities: "Cities",
  clock: "Server clock against Kaspi's",
  latency: "Response time",
}

const MARK = { held: "✓ held   ", failed: "✗ failed ", skipped: "- skipped" } as const

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The numbers a probe's detail carries, for one line under it. */
function facts(p: KaspiCheckProbe): string | undefined {
  // The detail's shape depends on the probe: typed here as the fields each line reads.
  const d = (p.detail ?? {}) as Partial<{
    median_ms: number; max_ms: number; requests: number; limit_ms: number; skew_ms: number
    states: Array<{ state: string; status: string }>; days: number; from: string; to: string
    orders: number; entries: number; reason: string
    sample: number; status: string; other_statuses: string[]; note: string
  }>
  if (p.id === "latency" && typeof d.median_ms === "number") return `median ${d.median_ms} ms, slowest ${d.max_ms} ms over ${d.requests} request(s) (limit ${d.limit_ms} ms)`
  if (p.id === "clock" && typeof d.skew_ms === "number") return `the server's clock is ${seconds(Math.abs(d.skew_ms))} ${d.skew_ms > 0 ? "ahead of" : "behind"} Kaspi's (limit ${seconds(d.limit_ms ?? 0)})`
  if (p.id === "states" && Array.isArray(d.states)) return d.states.map((s) => `${s.state} ${s.status}`).join(", ")
  if (p.id === "window" && d.days) return `${d.days} days, ${d.from} … ${d.to}`
  if (p.id === "archive_status" && typeof d.sample === "number") {
    if (Array.isArray(d.other_statuses)) return `statuses that came back: ${d.other_statuses.join(", ")}`
    return d.sample ? `${d.sample} order(s) read, each in status ${d.status}` : d.note
  }
  if (p.id === "entries" && typeof d.orders === "number") return `${d.orders} order(s) read with ${d.entries} line(s)`
  if (p.id === "token" && typeof d.reason === "string") return d.reason
  return undefined
}

/** The check as plain text: one line per probe, Kaspi's words, the hint, and the totals. */
export function formatCheck(result: KaspiCheckResult, about: { merchantId: string; apiUrl: string }): string {
  const lines = [`Kaspi compatibility check: merchant ${about.merchantId}, ${about.apiUrl}`, "(read-only: nothing is changed on Kaspi)", ""]
  for (const p of result.probes) {
    const ms = p.ms !== undefined ? ` (${p.ms} ms)` : ""
    lines.push(`  ${MARK[p.status]}  ${NAMES[p.id]}${p.kaspi_says ? `: ${p.kaspi_says}` : ""}${ms}`)
    const more = facts(p)
    if (more) lines.push(`               ${more}`)
    if (p.hint && p.status === "failed") lines.push(`               → ${p.hint}`)
  }
  const c = countStatuses(result.probes)
  lines.push("", `${c.held} held, ${c.failed} failed, ${c.skipped} skipped. ${result.ok ? "Kaspi answers every request form the plugin relies on." : "See the hints above."}`)
  return lines.join("\n")
}
