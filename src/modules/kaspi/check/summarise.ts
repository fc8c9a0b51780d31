import { KaspiApiError } from "../client/errors"
import type { CheckRequest } from "./check-client"
import { hintKeyForError, hintText, kaspiSaysForError, UNREACHABLE_HINTS } from "./hints"
import {
  KASPI_CHECK_PROBES,
  type KaspiCheckHintKey,
  type KaspiCheckProbe,
  type KaspiCheckProbeId,
  type KaspiCheckResult,
  type KaspiCheckStatus,
} from "./types"

/** One probe request's outcome, as the runner saw it. Pure data: everything below is unit-tested. */
export interface ProbeAttempt {
  /** e.g. "states NEW", to say which request a shared finding comes from. */
  label: string
  ms: number
  error?: unknown
  requests: CheckRequest[]
}

export function median(values: number[]): number {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2)
}

export function withHint(key: KaspiCheckHintKey): Pick<KaspiCheckProbe, "hint" | "hint_key"> {
  return { hint_key: key, hint: hintText(key) }
}

export function failedProbe(id: KaspiCheckProbeId, attempt: ProbeAttempt, detail?: Record<string, unknown>): KaspiCheckProbe {
  const says = kaspiSaysForError(attempt.error)
  // Not a Kaspi answer (a RangeError from the client's own checks …): say what it was.
  const own = attempt.error instanceof KaspiApiError ? undefined : { error: String((attempt.error as Error)?.message ?? attempt.error) }
  const all = { ...own, ...detail }
  return {
    id,
    status: "failed",
    ms: attempt.ms,
    ...(says ? { kaspi_says: says } : {}),
    ...withHint(hintKeyForError(attempt.error)),
    ...(Object.keys(all).length ? { detail: all } : {}),
  }
}

export function skippedProbe(id: KaspiCheckProbeId, reason: string): KaspiCheckProbe {
  return { id, status: "skipped", ...withHint("skipped"), detail: { reason } }
}

/** Kaspi answered (any HTTP status): the request reached the Shop API. */
const answered = (r: CheckRequest) => r.status !== undefined

/**
 * Whether the Shop API answers from here at all (API.md a.0): failed on the
 * first request that hung, could not connect or got an HTML page instead of
 * Kaspi's JSON — the geo / WAF / wrong-path symptoms — held when every request
 * was answered by the API.
 */
export function reachabilityProbe(attempts: ProbeAttempt[]): KaspiCheckProbe {
  const blocked = attempts.find((a) => a.error !== undefined && UNREACHABLE_HINTS.has(hintKeyForError(a.error)))
  if (blocked) {
    const probe = failedProbe("reachability", blocked)
    const first = blocked === attempts[0]
    return { ...probe, kaspi_says: first ? probe.kaspi_says : `${blocked.label}: ${probe.kaspi_says ?? ""}`, detail: { request: blocked.label } }
  }
  const reply = attempts.flatMap((a) => a.requests).find(answered)
  if (!reply) return { id: "reachability", status: "skipped", detail: { reason: "no request was made" } }
  return { id: "reachability", status: "held", ms: reply.ms, kaspi_says: `HTTP ${reply.status}` }
}

/**
 * Server clock minus Kaspi's for one answer. The Date header is whole seconds
 * (truncated), sent about halfway through the request as we timed it.
 */
export function clockSkewMs(r: Pick<CheckRequest, "date" | "at" | "ms">): number | null {
  const kaspi = r.date ? Date.parse(r.date) : NaN
  if (!Number.isFinite(kaspi)) return null
  return Math.round(r.at - r.ms / 2 - (kaspi + 500))
}

/** Kaspi's clock (its Date header) against the server's: the windows depend on it (API.md a.1). */
export function clockProbe(requests: CheckRequest[], limitMs: number): KaspiCheckProbe {
  const samples = requests.filter(answered).flatMap((r) => {
    const skew = clockSkewMs(r)
    return skew === null ? [] : [{ skew, date: r.date! }]
  })
  if (!samples.length) {
    const anyAnswer = requests.some(answered)
    return anyAnswer
      ? { id: "clock", status: "skipped", ...withHint("no_date") }
      : { id: "clock", status: "skipped", detail: { reason: "Kaspi did not answer" } }
  }
  const skew = median(samples.map((s) => s.skew))
  const held = Math.abs(skew) <= limitMs
  return {
    id: "clock",
    status: held ? "held" : "failed",
    kaspi_says: `Date: ${samples[samples.length - 1].date}`,
    ...(held ? {} : withHint("clock_skew")),
    detail: { skew_ms: skew, limit_ms: limitMs, server_ahead: skew > 0 },
  }
}

/** Median and slowest of the answered requests; failed when the median is over the limit. */
export function latencyProbe(requests: CheckRequest[], limitMs: number): KaspiCheckProbe {
  const times = requests.filter(answered).map((r) => r.ms)
  if (!times.length) return { id: "latency", status: "skipped", detail: { reason: "Kaspi did not answer" } }
  const med = median(times)
  const held = med <= limitMs
  return {
    id: "latency",
    status: held ? "held" : "failed",
    ...(held ? {} : withHint("slow")),
    detail: { median_ms: med, max_ms: Math.max(...times), requests: times.length, limit_ms: limitMs },
  }
}

export function countStatuses(probes: KaspiCheckProbe[]): Record<KaspiCheckStatus, number> {
  const counts: Record<KaspiCheckStatus, number> = { held: 0, failed: 0, skipped: 0 }
  for (const p of probes) counts[p.status] += 1
  return counts
}

/** The whole result: probes in their fixed order, ok only when every one held. */
export function summarise(accountId: string, ranAt: Date, probes: KaspiCheckProbe[]): KaspiCheckResult {
  const order = (p: KaspiCheckProbe) => KASPI_CHECK_PROBES.indexOf(p.id)
  const sorted = [...probes].sort((a, b) => order(a) - order(b))
  return {
    account_id: accountId,
    ran_at: ranAt.toISOString(),
    ok: sorted.length > 0 && sorted.every((p) => p.status === "held"),
    probes: sorted,
  }
}
