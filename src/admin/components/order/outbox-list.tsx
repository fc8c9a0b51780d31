import { StatusBadge, Text } from "@medusajs/ui"
import { SendAgainButton } from "./send-again-button"
import { WidgetPart } from "./widget-part"
import { InlineError } from "../common/section"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatDateTime } from "../../lib/format"
import { actionStatusColor, isWaitingForKaspi, sendCodeWords, waitingWords } from "../../lib/kaspi-words"
import type { KaspiActionRow } from "../../lib/types"

/** What Kaspi answered to one "send the code" (sent once, never retried): a warning whenever the code may have gone out. */
function SendCodeLine({ row }: { row: KaspiActionRow }) {
  const { t } = useKaspiT()
  const words = sendCodeWords(t, row)
  if (!words) return row.last_error ? <InlineError size="xsmall">{row.last_error}</InlineError> : null
  return words.tone === "warning" ? (
    <InlineError size="xsmall">{words.text}</InlineError>
  ) : (
    <Text size="xsmall" className="text-ui-fg-subtle">
      {words.text}
    </Text>
  )
}

/** A "send the code" Kaspi did not plainly take: the code may or may not be on the buyer's phone. */
const codeMayBeOut = (a: KaspiActionRow) => a.action === "send_code" && Boolean(a.result?.send_code) && a.result?.send_code?.outcome !== "sent"

/** The outbox rows of this order: what was sent to Kaspi, its state, and Kaspi's answer when it failed. */
export function OutboxList({ actions }: { actions: KaspiActionRow[] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  return (
    <WidgetPart title={t("outbox.title")} testId="kaspi-outbox" empty={actions.length === 0} none={t("outbox.empty")}>
      <ul className="flex flex-col gap-y-3">
        {actions.map((a) => (
          <li
            key={a.id}
            className="flex flex-col gap-y-1"
            data-testid="kaspi-outbox-row"
            data-action={a.action}
            data-status={a.status}
            data-outcome={a.result?.send_code?.outcome}
          >
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" weight="plus" leading="compact">
                {t(`action.${a.action}`, { defaultValue: a.action })}
              </Text>
              <StatusBadge color={codeMayBeOut(a) ? "orange" : actionStatusColor(a.status)}>{t(`actionStatus.${a.status}`, { defaultValue: a.status })}</StatusBadge>
            </div>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {formatDateTime(a.sent_at ?? a.updated_at, locale)} · {t("outbox.attempts", { count: a.attempts })}
              {a.status === "pending" && a.next_attempt_at ? ` · ${t("outbox.nextAttempt", { date: formatDateTime(a.next_attempt_at, locale) })}` : ""}
            </Text>
            {isWaitingForKaspi(a) ? (
              <Text size="xsmall" className="text-ui-fg-interactive" data-testid="kaspi-outbox-waiting">
                {waitingWords(t, a)}
              </Text>
            ) : null}
            {a.action === "send_code" ? (
              <SendCodeLine row={a} />
            ) : a.last_error && a.status !== "sent" ? (
              <InlineError size="xsmall">{a.last_error}</InlineError>
            ) : null}
            {/* A failed "send the code" is asked for again with its own button: each request may text the buyer. */}
            {a.status === "failed" && a.action !== "send_code" ? <SendAgainButton row={a} /> : null}
          </li>
        ))}
      </ul>
    </WidgetPart>
  )
}
