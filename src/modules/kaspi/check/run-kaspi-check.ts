import { DAY_MS, KASPI_WINDOW_MS } from "../client/date-windows"
import { KaspiApiError } from "../client/errors"
import type { KaspiClient } from "../client/kaspi-client"
import type { KaspiOrdersPage } from "../client/parse"
import type { KaspiOrderState } from "../client/schemas"
import { redactSecrets, type SecretToken } from "../secret"
import type { CheckRequestLog } from "./check-client"
import { hintKeyForError, UNREACHABLE_HINTS } from "./hints"
import {
  clockProbe,
  failedProbe,
  latencyProbe,
  reachabilityProbe,
  skippedProbe,
  summarise,
  withHint,
  type ProbeAttempt,
} from "./summarise"
import { CHECK_DEFAULTS, type KaspiCheckOptions, type KaspiCheckProbe, type KaspiCheckProbeId, type KaspiCheckResult } from "./types"

/** The states the plugin reads, each asked for alone: one state per request (API.md a.1, f.3). */
const STATES: readonly KaspiOrderState[] = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]
/** A short recent creationDate window: Kaspi requires $ge (API.md a.1). */
const SHORT_WINDOW_MS = DAY_MS
/** A code no order has (Kaspi's codes are 9-digit numbers): the lookup must answer an empty list (API.md a.2). */
const UNKNOWN_CODE = "000000000"
/**
 * The archive status the archive_status probe filters by: one the poll reads by status (API.md (b)),
 * and the one a shop is likeliest to have in its archive, so the answer has orders to compare.
 */
const ARCHIVE_STATUS = "CANCELLED"
/** More than one order, so an ignored filter has a chance to show another status; still one small page. */
const ARCHIVE_STATUS_PAGE_SIZE = 5
const AFTER_TOKEN: KaspiCheckProbeId[] = ["states", "window", "archive_status", "entries", "by_code", "cities"]

export interface KaspiCheckRun {
  accountId: string
  /** A client built for the check (checkClientOverrides): one attempt per request, a short timeout. */
  client: KaspiClient
  log: CheckRequestLog
  options?: KaspiCheckOptions
  /** Scrubbed from the result whatever happens (the transport already redacts; this is the second lock). */
  secrets?: Array<SecretToken | string | undefined>
}

const listed = (page: KaspiOrdersPage) => `HTTP 200, totalCount ${page.totalCount}`

/** Orders Kaspi sent in a shape the plugin cannot read: a compatibility finding, not a crash. */
function unreadable(page: KaspiOrdersPage): Record<string, unknown> | null {
  if (!page.invalid.length) return null
  return { unreadable_orders: page.invalid.length, reason: page.invalid[0].reason.slice(0, 300) }
}

/**
 * Runs the read-only probes against one shop, one documented request each
 * (never a write), and says which held. Used by the module (admin route) and
 * the set-up CLI alike; it needs no Medusa container.
 */
export async function runKaspiProbes(run: KaspiCheckRun): Promise<KaspiCheckResult> {
  const o = {
    latencyLimitMs: run.options?.latencyLimitMs ?? CHECK_DEFAULTS.latencyLimitMs,
    clockSkewLimitMs: run.options?.clockSkewLimitMs ?? CHECK_DEFAULTS.clockSkewLimitMs,
  }
  const now = run.options?.now ?? Date.now
  const ranAt = new Date(now())
  const { client, log } = run
  const attempts: ProbeAttempt[] = []
  const probes: KaspiCheckProbe[] = []

  const attempt = async <T>(label: string, fn: () => Promise<T>): Promise<{ value?: T; at: ProbeAttempt }> => {
    const mark = log.mark()
    const started = Date.now()
    let value: T | undefined
    let error: unknown
    try {
      value = await fn()
    } catch (e) {
      error = e
    }
    const at: ProbeAttempt = { label, ms: Date.now() - started, requests: log.since(mark), ...(error !== undefined ? { error } : {}) }
    attempts.push(at)
    return { value, at }
  }
  // Every list call in the documented form: one state, page[number]=0, page[size]=1, a window under the limit.
  const list = (state: KaspiOrderState, from: number, to: number, include?: Array<"entries">) =>
    client.listOrders({ state, from, to, page: 0, pageSize: 1, ...(include ? { include } : {}) })
  const finish = () => {
    // Clock and latency measure the Shop API: answers from a firewall or gateway page do not count.
    const requests = attempts.filter((a) => a.error === undefined || !UNREACHABLE_HINTS.has(hintKeyForError(a.error))).flatMap((a) => a.requests)
    probes.push(reachabilityProbe(attempts), clockProbe(requests, o.clockSkewLimitMs), latencyProbe(requests, o.latencyLimitMs))
    const result = summarise(run.accountId, ranAt, probes)
    return JSON.parse(redactSecrets(JSON.stringify(result), run.secrets ?? [])) as KaspiCheckResult
  }

  // token: one list call; nothing else is worth asking if Kaspi refuses it.
  let t = now()
  const token = await attempt("token", () => list("NEW", t - SHORT_WINDOW_MS, t))
  if (!token.value) {
    const blocked = UNREACHABLE_HINTS.has(hintKeyForError(token.at.error))
    const rejected = hintKeyForError(token.at.error) === "token_rejected"
    probes.push(
      blocked
        ? skippedProbe("token", "unreachable")
        : failedProbe("token", token.at, rejected ? { merchant_id: client.merchantId } : undefined)
    )
    for (const id of AFTER_TOKEN) probes.push(skippedProbe(id, blocked ? "unreachable" : "token"))
    return finish()
  }
  probes.push({ id: "token", status: "held", ms: token.at.ms, kaspi_says: listed(token.value), detail: { state: "NEW", total_count: token.value.totalCount } })

  const codes: string[] = []
  const seen = (page: KaspiOrdersPage) => codes.push(...page.orders.map((x) => x.code))

  // states: one request per state, never comma-joined.
  const perState: Array<Record<string, unknown>> = []
  let statesMs = 0
  let firstFailure: { state: KaspiOrderState; probe: KaspiCheckProbe } | undefined
  let busyState: KaspiOrderState | undefined
  for (const state of STATES) {
    t = now()
    const r = await attempt(`states ${state}`, () => list(state, t - SHORT_WINDOW_MS, t))
    statesMs += r.at.ms
    const bad = r.value ? unreadable(r.value) : null
    if (r.value && !bad) {
      seen(r.value)
      if (r.value.totalCount > 0 && !busyState) busyState = state
      perState.push({ state, status: "held", ms: r.at.ms, kaspi_says: listed(r.value), total_count: r.value.totalCount })
      continue
    }
    const probe = r.value
      ? { id: "states" as const, status: "failed" as const, ms: r.at.ms, kaspi_says: listed(r.value), ...withHint("unreadable"), detail: bad! }
      : failedProbe("states", r.at)
    firstFailure ??= { state, probe }
    perState.push({ state, status: "failed", ms: r.at.ms, kaspi_says: probe.kaspi_says, hint_key: probe.hint_key, ...probe.detail })
  }
  probes.push(
    firstFailure
      ? {
          ...firstFailure.probe,
          ms: statesMs,
          kaspi_says: `${firstFailure.state}: ${firstFailure.probe.kaspi_says ?? ""}`,
          detail: { states: perState, window_days: SHORT_WINDOW_MS / DAY_MS },
        }
      : { id: "states", status: "held", ms: statesMs, kaspi_says: `HTTP 200 for each of ${STATES.length} states`, detail: { states: perState, window_days: SHORT_WINDOW_MS / DAY_MS } }
  )

  // window: the plugin's widest creationDate window (13 days by default, under Kaspi's 14: API.md a.1).
  const windowMs = client.window?.maxMs ?? KASPI_WINDOW_MS
  const to = now()
  const from = to - windowMs + 1
  const wide = await attempt("window", () => list("ARCHIVE", from, to))
  const windowDetail = { state: "ARCHIVE", days: Math.round((windowMs / DAY_MS) * 100) / 100, from: new Date(from).toISOString(), to: new Date(to).toISOString() }
  const wideBad = wide.value ? unreadable(wide.value) : null
  if (wide.value && !wideBad) seen(wide.value)
  const tooWide = !wide.value && windowMs > KASPI_WINDOW_MS && hintKeyForError(wide.at.error) === "refused_form"
  probes.push(
    !wide.value
      ? { ...failedProbe("window", wide.at, windowDetail), ...(tooWide ? withHint("window_too_wide") : {}) }
      : wideBad
        ? { id: "window", status: "failed", ms: wide.at.ms, kaspi_says: listed(wide.value), ...withHint("unreadable"), detail: { ...windowDetail, ...wideBad } }
        : { id: "window", status: "held", ms: wide.at.ms, kaspi_says: listed(wide.value), detail: { ...windowDetail, total_count: wide.value.totalCount } }
  )

  // archive_status: the poll reads the archive one status at a time. The guide lists filter[orders][status]
  // (API.md a.1, (b)) but does not promise it narrows every state; a poll that meets another status
  // falls back to reading the shop's whole archive, so say so before that happens.
  const byStatus = await attempt("archive_status", () =>
    client.listOrders({ state: "ARCHIVE", status: ARCHIVE_STATUS, from, to, page: 0, pageSize: ARCHIVE_STATUS_PAGE_SIZE })
  )
  const archiveTotal = wide.value && !wideBad ? wide.value.totalCount : undefined
  const statusDetail = { state: "ARCHIVE", status: ARCHIVE_STATUS, ...(archiveTotal !== undefined ? { archive_total_count: archiveTotal } : {}) }
  if (!byStatus.value) {
    probes.push(failedProbe("archive_status", byStatus.at, statusDetail))
  } else {
    const page = byStatus.value
    const bad = unreadable(page)
    const others = [...new Set(page.orders.map((x) => x.attributes.status).filter((s) => s !== ARCHIVE_STATUS))]
    const detail: Record<string, unknown> = { ...statusDetail, total_count: page.totalCount, sample: page.orders.length }
    if (others.length) {
      detail.other_statuses = others
      // The same count as the unfiltered read: Kaspi answered as if no status had been asked for.
      if (archiveTotal !== undefined && archiveTotal > 0 && page.totalCount === archiveTotal) detail.same_total_as_unfiltered = true
    } else if (!page.orders.length && !bad) {
      detail.note = "no cancelled order in the window to compare"
    }
    const says = others.length ? `${listed(page)}, an order in status ${others[0]}` : listed(page)
    const base = { id: "archive_status" as const, ms: byStatus.at.ms, kaspi_says: says }
    probes.push(
      others.length
        ? { ...base, status: "failed", ...withHint("status_filter_ignored"), detail }
        : bad
          ? { ...base, status: "failed", ...withHint("unreadable"), detail: { ...detail, ...bad } }
          : { ...base, status: "held", detail }
    )
  }

  // entries: include[orders]=entries where an order is likely, so there are lines to see (API.md a.1, a.4).
  t = now()
  const source =
    wide.value && wide.value.totalCount > 0
      ? { state: "ARCHIVE" as const, from, to }
      : { state: busyState ?? ("NEW" as const), from: t - SHORT_WINDOW_MS, to: t }
  const withEntries = await attempt("entries", () => list(source.state, source.from, source.to, ["entries"]))
  if (!withEntries.value) {
    probes.push(failedProbe("entries", withEntries.at, { state: source.state }))
  } else {
    const page = withEntries.value
    const bad = unreadable(page)
    const missing = page.orders.filter((x) => x.missingEntryIds.length > 0).length
    const detail = { state: source.state, orders: page.orders.length, entries: page.orders.reduce((n, x) => n + x.entries.length, 0), ...bad }
    if (!bad) seen(page)
    probes.push(
      bad
        ? { id: "entries", status: "failed", ms: withEntries.at.ms, kaspi_says: listed(page), ...withHint("unreadable"), detail }
        : missing
          ? { id: "entries", status: "failed", ms: withEntries.at.ms, kaspi_says: listed(page), ...withHint("entries_missing"), detail }
          : { id: "entries", status: "held", ms: withEntries.at.ms, kaspi_says: listed(page), detail }
    )
  }

  // by_code: a code Kaspi just listed, else one that exists nowhere (API.md a.2).
  const code = codes[0] ?? UNKNOWN_CODE
  const known = codes.length > 0
  const byCode = await attempt("by_code", () => client.getOrderByCode(code))
  if (byCode.at.error !== undefined) {
    probes.push(failedProbe("by_code", byCode.at, { code, known }))
  } else {
    const order = byCode.value ?? null
    const says = order ? `HTTP 200, order ${order.code}` : `HTTP 200, no order with code ${code}`
    const base = { id: "by_code" as const, ms: byCode.at.ms, kaspi_says: says, detail: { code, known } }
    probes.push(
      order && order.code !== code
        ? { ...base, status: "failed", ...withHint("by_code_ignored") }
        : !order && known
          ? { ...base, status: "failed", ...withHint("by_code_missing") }
          : { ...base, status: "held" }
    )
  }

  // cities: GET /v2/cities (API.md a.9).
  const cities = await attempt("cities", () => client.listCities())
  probes.push(
    cities.value
      ? { id: "cities", status: "held", ms: cities.at.ms, kaspi_says: `HTTP 200, ${cities.value.length} cities`, detail: { count: cities.value.length } }
      : failedProbe("cities", cities.at)
  )

  return finish()
}

/** The result when the shop has no usable token: nothing can be asked of Kaspi. */
export function unconfiguredCheck(accountId: string, error: unknown, now: () => number = Date.now): KaspiCheckResult {
  const token = failedProbe("token", { label: "token", ms: 0, error, requests: [] }, {
    reason: error instanceof KaspiApiError ? (error.detail ?? error.message) : error instanceof Error ? error.message : String(error),
  })
  delete token.ms
  return summarise(accountId, new Date(now()), [
    { id: "reachability", status: "skipped", detail: { reason: "no token" } },
    token,
    ...AFTER_TOKEN.map((id) => skippedProbe(id, "token")),
    { id: "clock", status: "skipped", detail: { reason: "no token" } },
    { id: "latency", status: "skipped", detail: { reason: "no token" } },
  ])
}
