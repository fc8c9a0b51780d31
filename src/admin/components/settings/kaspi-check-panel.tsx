import { Button, StatusBadge, Text } from "@medusajs/ui"
import { InlineError } from "../common/section"
import { errorMessage } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { useKaspiCheck, useRunKaspiCheck } from "../../lib/queries"
import type { KaspiCheck, KaspiCheckProbe, KaspiCheckStatus } from "../../lib/types"

const COLOR: Record<KaspiCheckStatus, "green" | "red" | "grey"> = { held: "green", failed: "red", skipped: "grey" }

type T = ReturnType<typeof useKaspiT>["t"]

/** The numbers behind a probe (latency, clock, the per-state answers …), in the admin's language. */
function facts(p: KaspiCheckProbe, t: T): string | null {
  const d = (p.detail ?? {}) as Record<string, unknown>
  const n = (k: string) => (typeof d[k] === "number" ? (d[k] as number) : undefined)
  if (p.id === "latency" && n("median_ms") !== undefined) return t("check.fact_latency", { median: n("median_ms"), max: n("max_ms"), requests: n("requests") })
  if (p.id === "clock" && n("skew_ms") !== undefined) {
    const seconds = (Math.abs(n("skew_ms")!) / 1000).toFixed(1)
    return t(n("skew_ms")! > 0 ? "check.fact_clock_ahead" : "check.fact_clock_behind", { seconds })
  }
  if (p.id === "window" && n("days") !== undefined) return t("check.fact_window", { days: n("days"), state: String(d.state ?? "") })
  if (p.id === "archive_status" && n("sample") !== undefined) {
    if (Array.isArray(d.other_statuses)) return t("check.fact_archive_status_other", { statuses: d.other_statuses.join(", ") })
    return n("sample") ? t("check.fact_archive_status", { sample: n("sample"), status: String(d.status ?? "") }) : t("check.fact_archive_status_empty")
  }
  if (p.id === "entries" && n("orders") !== undefined) return t("check.fact_entries", { orders: n("orders"), entries: n("entries") })
  if (p.id === "token" && typeof d.reason === "string") return d.reason
  return null
}

/** One answer per order state: the states probe asks for each alone. */
function StateAnswers({ probe }: { probe: KaspiCheckProbe }) {
  const states = (probe.detail?.states ?? []) as Array<{ state: string; status: KaspiCheckStatus }>
  if (!states.length) return null
  return (
    <div className="flex flex-wrap gap-1.5">
      {states.map((s) => (
        <StatusBadge key={s.state} color={COLOR[s.status] ?? "grey"} data-testid="kaspi-check-state" data-state={s.state} data-status={s.status}>
          {s.state}
        </StatusBadge>
      ))}
    </div>
  )
}

function ProbeRow({ probe }: { probe: KaspiCheckProbe }) {
  const { t } = useKaspiT()
  const more = facts(probe, t)
  // The server's English hint is the fallback for a kind this screen does not know yet.
  const hint = probe.hint_key ? t(`check.hint_${probe.hint_key}`, { defaultValue: probe.hint ?? "" }) : probe.hint
  return (
    <div className="grid grid-cols-[110px_1fr] gap-x-4 gap-y-1 py-2" data-testid="kaspi-check-probe" data-probe={probe.id} data-status={probe.status}>
      <div>
        <StatusBadge color={COLOR[probe.status]}>{t(`check.status_${probe.status}`)}</StatusBadge>
      </div>
      <div className="flex min-w-0 flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t(`check.probe_${probe.id}`, { defaultValue: probe.id })}
          {probe.ms !== undefined ? <span className="text-ui-fg-muted font-normal"> · {probe.ms} ms</span> : null}
        </Text>
        {probe.kaspi_says ? (
          <Text size="small" className="text-ui-fg-subtle break-words">
            {t("check.kaspiSays")} <span className="font-mono">{probe.kaspi_says}</span>
          </Text>
        ) : null}
        {probe.id === "states" ? <StateAnswers probe={probe} /> : null}
        {more ? (
          <Text size="small" className="text-ui-fg-subtle">
            {more}
          </Text>
        ) : null}
        {hint && probe.status === "failed" ? (
          <Text size="small" className="text-ui-fg-error" data-testid="kaspi-check-hint">
            {hint}
          </Text>
        ) : null}
      </div>
    </div>
  )
}

function Summary({ check }: { check: KaspiCheck }) {
  const { t } = useKaspiT()
  const count = (s: KaspiCheckStatus) => check.probes.filter((p) => p.status === s).length
  return check.ok ? (
    <StatusBadge color="green">{t("check.allHeld")}</StatusBadge>
  ) : (
    <StatusBadge color="red">{t("check.someFailed", { failed: count("failed"), skipped: count("skipped") })}</StatusBadge>
  )
}

/**
 * Settings → Kaspi, per shop: runs the read-only Kaspi compatibility check and
 * shows each probe with Kaspi's words and what to do; the last run is loaded on open.
 */
export function KaspiCheckPanel({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const latest = useKaspiCheck(accountId)
  const running = useRunKaspiCheck(accountId)
  const check = latest.data?.check ?? null
  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-check" data-account={accountId}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            {t("check.title")}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {t("check.intro")}
          </Text>
          <Text size="small" className="text-ui-fg-subtle" data-testid="kaspi-check-ran-at">
            {check ? t("check.lastRun", { when: formatDateTime(check.ran_at, locale) }) : latest.isSuccess ? t("check.never") : null}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          isLoading={running.isPending}
          onClick={() => running.mutate()}
          data-testid="kaspi-run-check"
        >
          {t("check.run")}
        </Button>
      </div>
      {running.error ? <InlineError>{t("common.error", { message: errorMessage(running.error) })}</InlineError> : null}
      {latest.error ? <InlineError>{t("common.error", { message: errorMessage(latest.error) })}</InlineError> : null}
      {check ? (
        <div className="flex flex-col" data-testid="kaspi-check-result" data-ok={String(check.ok)}>
          <div>
            <Summary check={check} />
          </div>
          <div className="divide-y">
            {check.probes.map((p) => (
              <ProbeRow key={p.id} probe={p} />
            ))}
          </div>
        </div>
      ) : null}
    </div>
  )
}
