import { Alert } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useKaspiT } from "../../lib/i18n"
import { isWaitingForKaspi, waitingWords } from "../../lib/kaspi-words"
import { useRefetchKaspiAndOrders } from "../../lib/queries"
import type { KaspiActionRow } from "../../lib/types"

/**
 * Kaspi first (issue #13): while an action waits for Kaspi (Kaspi was down;
 * the outbox job sends it), the Medusa order has not changed yet. Said at the
 * top of the widget, so nobody takes the unchanged order for a lost click.
 * Once the last one has landed, the order is read again: Medusa followed.
 */
export function WaitingForKaspi({ actions }: { actions: KaspiActionRow[] }) {
  const { t } = useKaspiT()
  const refetch = useRefetchKaspiAndOrders()
  const waiting = actions.filter(isWaitingForKaspi)
  const wasWaiting = useRef(false)

  useEffect(() => {
    if (wasWaiting.current && waiting.length === 0) void refetch()
    wasWaiting.current = waiting.length > 0
  }, [waiting.length, refetch])

  if (waiting.length === 0) return null
  return (
    <div className="px-6 py-4" data-testid="kaspi-waiting-for-kaspi">
      <Alert variant="info">
        {waiting.map((a) => (
          <span key={a.id} className="block">
            {waitingWords(t, a)}
          </span>
        ))}
      </Alert>
    </div>
  )
}
