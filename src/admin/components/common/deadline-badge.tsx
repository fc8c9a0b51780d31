import { Badge } from "@medusajs/ui"
import { countdown, useNow } from "../../lib/countdown"
import { useKaspiT, useLocale } from "../../lib/i18n"

const COLOR = { overdue: "red", soon: "orange", later: "grey" } as const

/** "Accept · in 12 minutes": an order's next deadline, red once past, orange within the warning's lead time. */
export function DeadlineBadge({
  deadline,
  soonMinutes = 15,
}: {
  /** `warn_minutes`: the shop's warning lead time (orders.deadlineWarnMinutes), where the answer carries it. */
  deadline: { kind: string; due_at: string; warn_minutes?: number }
  soonMinutes?: number
}) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const now = useNow()
  const { text, tone } = countdown(deadline.due_at, now, locale, deadline.warn_minutes ?? soonMinutes)
  return (
    <Badge size="2xsmall" color={COLOR[tone]} data-testid="kaspi-deadline" data-kind={deadline.kind} data-tone={tone} title={deadline.due_at}>
      {t(`deadline.${deadline.kind}`, { defaultValue: deadline.kind })} · {text}
    </Badge>
  )
}
