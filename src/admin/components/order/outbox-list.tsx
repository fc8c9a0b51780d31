import { Heading, StatusBadge, Text } from "@medusajs/ui"
import { InlineError, Muted } from "../common/section"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatDateTime } from "../../lib/format"
import { actionStatusColor } from "../../lib/kaspi-words"
import type { KaspiActionRow } from "../../lib/types"

/** The outbox rows of this order: what was sent to Kaspi, its state, and Kaspi's answer when it failed. */
export function OutboxList({ actions }: { actions: KaspiActionRow[] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="kaspi-outbox">
      <Heading level="h3">{t("outbox.title")}</Heading>
      {actions.length === 0 ? <Muted>{t("outbox.empty")}</Muted> : null}
      <ul className="flex flex-col gap-y-3">
        {actions.map((a) => (
          <li key={a.id} className="flex flex-col gap-y-1" data-testid="kaspi-outbox-row" data-action={a.action} data-status={a.status}>
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" weight="plus" leading="compact">
                {t(`action.${a.action}`, { defaultValue: a.action })}
              </Text>
              <StatusBadge color={actionStatusColor(a.status)}>{t(`actionStatus.${a.status}`, { defaultValue: a.status })}</StatusBadge>
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {formatDateTime(a.sent_at ?? a.updated_at, locale)} · {t("outbox.attempts", { count: a.attempts })}
              {a.status === "pending" && a.next_attempt_at ? ` · ${t("outbox.nextAttempt", { date: formatDateTime(a.next_attempt_at, locale) })}` : ""}
            </Text>
            {a.last_error && a.status !== "sent" ? <InlineError size="xsmall">{a.last_error}</InlineError> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
