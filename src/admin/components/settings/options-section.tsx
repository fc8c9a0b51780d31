import { Badge, Container, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { SectionHeader } from "../common/section"
import { useKaspiT } from "../../lib/i18n"
import type { KaspiOverview } from "../../lib/types"

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-center gap-x-4 px-6 py-3">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small flex items-center gap-x-2">{children}</div>
    </div>
  )
}

/** Read-only: these come from medusa-config.ts, where the shop owner changes them. */
export function OptionsSection({ options }: { options?: KaspiOverview["options"] }) {
  const { t } = useKaspiT()
  if (!options) return null
  const onOff = (v: boolean) => (
    <Badge size="2xsmall" color={v ? "green" : "grey"}>
      {v ? t("common.on") : t("common.off")}
    </Badge>
  )
  return (
    <Container className="divide-y p-0" data-testid="kaspi-options">
      <SectionHeader title={t("options.title")} subtitle={t("options.note")} />
      <Row label={t("options.polling")}>
        {onOff(options.polling)}
        {options.polling ? <span className="text-ui-fg-subtle">{t("options.every", { seconds: options.poll_interval_seconds })}</span> : null}
      </Row>
      <Row label={t("options.statusSync")}>
        <span className="text-ui-fg-subtle">{t("options.every", { seconds: options.status_sync_interval_seconds })}</span>
      </Row>
      <Row label={t("options.autoAccept")}>{onOff(options.auto_accept)}</Row>
      <Row label={t("options.dryRun")}>{onOff(options.dry_run)}</Row>
      <Row label={t("options.sendImmediately")}>{onOff(options.send_immediately)}</Row>
      <Row label={t("options.defaultCancelReason")}>{t(`reason.${options.default_cancel_reason}`)}</Row>
    </Container>
  )
}
