import { Badge, Button, Container, Input, Switch, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useState, type ReactNode } from "react"
import { FactRow, InlineError, SectionHeader } from "../common/section"
import { useSubmit } from "../common/use-submit"
import { kaspiApi } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { kaspiKeys, useKaspiOrderOptions } from "../../lib/queries"
import type { KaspiOverview, OrderOptionOverrides } from "../../lib/types"

/** One option: a row of its own in the section, its value and controls side by side. */
function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <FactRow label={label} testId={testId} className="items-center px-6 py-3" valueClassName="flex flex-wrap items-center gap-x-2 gap-y-1">
      {children}
    </FactRow>
  )
}

/** Retention from medusa-config (read-only) and its last run that deleted something (issue #16). */
function RetentionRows({ retention }: { retention: KaspiOverview["options"]["retention"] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const last = retention.last_run
  return (
    <>
      <Row label={t("options.retention")} testId="kaspi-option-retention">
        <span className="text-ui-fg-subtle">
          {retention.enabled ? t("options.retentionDays", { days: retention.days }) : t("options.retentionOff")}
        </span>
      </Row>
      <Row label={t("options.retentionLast")} testId="kaspi-option-retention-last">
        <span className="text-ui-fg-subtle">
          {last
            ? t("options.retentionLastRun", { when: formatDateTime(last.at, locale), events: last.events, actions: last.actions })
            : t("options.retentionNever")}
        </span>
        {last?.capped ? (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("options.retentionMore")}
          </Text>
        ) : null}
      </Row>
    </>
  )
}

/**
 * Polling and auto-accept for one shop, editable: the store owner changes them
 * without a deploy (stored in the module, over medusa-config's values, which
 * stay the defaults). The rest of the order options are read-only here.
 */
export function OptionsSection({ accountId, options }: { accountId: string; options?: KaspiOverview["options"] }) {
  const { t } = useKaspiT()
  const queryClient = useQueryClient()
  const { data } = useKaspiOrderOptions(accountId)
  const { run, busy, error } = useSubmit()
  const current = data?.order_options
  const [interval, setIntervalText] = useState("")
  useEffect(() => setIntervalText(current ? String(current.poll_interval_seconds) : ""), [current?.poll_interval_seconds])

  const save = (patch: Partial<OrderOptionOverrides>) =>
    run(async () => {
      const res = await kaspiApi.setOrderOptions(accountId, patch)
      queryClient.setQueryData(kaspiKeys.orderOptions(accountId), res)
      await queryClient.invalidateQueries({ queryKey: kaspiKeys.overview() })
      toast.success(t("options.saved"))
    })
  const onOff = (v: boolean) => (v ? t("common.on") : t("common.off"))
  const badge = (v: boolean) => (
    <Badge size="2xsmall" color={v ? "green" : "grey"}>
      {onOff(v)}
    </Badge>
  )
  /** "changed here" and the way back to medusa-config's value, when the owner changed it. */
  const origin = (key: keyof OrderOptionOverrides, configValue: string) =>
    current && current.overrides[key] !== null ? (
      <>
        <Badge size="2xsmall" color="blue">
          {t("options.changedHere")}
        </Badge>
        <Button size="small" variant="transparent" disabled={busy} onClick={() => save({ [key]: null })} data-testid={`kaspi-option-reset-${key}`}>
          {t("options.useConfig")} ({configValue})
        </Button>
      </>
    ) : (
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("options.configValue", { value: configValue })}
      </Text>
    )

  return (
    <Container className="divide-y p-0" data-testid="kaspi-options">
      <SectionHeader title={t("options.title")} subtitle={t("options.note")} />
      {current ? (
        <>
          <Row label={t("options.polling")} testId="kaspi-option-polling">
            <Switch checked={current.polling} disabled={busy} onCheckedChange={(v) => save({ polling: v })} aria-label={t("options.polling")} />
            {origin("polling", onOff(current.config.polling))}
          </Row>
          <Row label={t("options.pollInterval")} testId="kaspi-option-interval">
            <form
              className="flex items-center gap-x-2"
              onSubmit={(e) => {
                e.preventDefault()
                void save({ poll_interval_seconds: Number(interval) })
              }}
            >
              <Input size="small" type="number" min={10} max={3600} className="w-24" value={interval} onChange={(e) => setIntervalText(e.target.value)} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("options.seconds")}
              </Text>
              {interval !== String(current.poll_interval_seconds) ? (
                <Button size="small" variant="secondary" type="submit" isLoading={busy}>
                  {t("options.save")}
                </Button>
              ) : null}
            </form>
            {origin("poll_interval_seconds", String(current.config.poll_interval_seconds))}
          </Row>
          <Row label={t("options.autoAccept")} testId="kaspi-option-auto-accept">
            <Switch checked={current.auto_accept} disabled={busy} onCheckedChange={(v) => save({ auto_accept: v })} aria-label={t("options.autoAccept")} />
            {origin("auto_accept", onOff(current.config.auto_accept))}
          </Row>
        </>
      ) : null}
      {options ? (
        <>
          <Row label={t("options.archiveSync")}>
            <span className="text-ui-fg-subtle">{t("options.every", { seconds: options.archive_sync_interval_seconds })}</span>
          </Row>
          <Row label={t("options.dryRun")}>{badge(options.dry_run)}</Row>
          <Row label={t("options.sendImmediately")}>{badge(options.send_immediately)}</Row>
          <Row label={t("options.defaultCancelReason")}>{t(`reason.${options.default_cancel_reason}`)}</Row>
          <RetentionRows retention={options.retention} />
        </>
      ) : null}
      {error ? <InlineError className="px-6 py-3">{error}</InlineError> : null}
    </Container>
  )
}
