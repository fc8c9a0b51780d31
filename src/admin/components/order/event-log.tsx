import { Button, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { WidgetPart } from "./widget-part"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatDateTime } from "../../lib/format"
import { eventTitle } from "../../lib/kaspi-words"
import { serverText } from "../../lib/server-text"
import type { KaspiEvent } from "../../lib/types"

const FIRST = 5

/** The order's Kaspi history (imports, status changes, actions), newest first; the first few, then all on request. */
export function EventLog({ events }: { events: KaspiEvent[] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const [all, setAll] = useState(false)
  const shown = all ? events : events.slice(0, FIRST)
  return (
    <WidgetPart title={t("events.title")} testId="kaspi-events" empty={events.length === 0} none={t("events.empty")}>
      <ol className="flex flex-col gap-y-3">
        {shown.map((e) => (
          <li key={e.id} className="grid grid-cols-[12px_1fr] gap-x-2" data-testid="kaspi-event" data-type={e.type}>
            <span
              className={clx("mt-1.5 size-2 rounded-full", {
                "bg-ui-tag-green-icon": e.result === "ok",
                "bg-ui-tag-red-icon": e.result === "error",
                "bg-ui-tag-neutral-icon": e.result === "info",
              })}
            />
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus" leading="compact">
                {eventTitle(t, e.type)}
              </Text>
              <EventText event={e} />
              <Text size="xsmall" className="text-ui-fg-muted">
                {formatDateTime(e.created_at, locale)}
              </Text>
            </div>
          </li>
        ))}
      </ol>
      {events.length > FIRST ? (
        <Button size="small" variant="transparent" className="self-start" onClick={() => setAll(!all)}>
          {all ? t("events.showLess") : t("events.showAll", { count: events.length })}
        </Button>
      ) : null}
    </WidgetPart>
  )
}

/** What happened, in the user's language when the event has a code; older rows show their stored text. */
function EventText({ event }: { event: KaspiEvent }) {
  const { t } = useKaspiT()
  const text = serverText(t, event.data, event.message)
  if (!text) return null
  return (
    <Text size="xsmall" className="text-ui-fg-subtle break-words" data-testid="kaspi-event-text">
      {text}
    </Text>
  )
}
