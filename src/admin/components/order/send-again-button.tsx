import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { InlineError } from "../common/section"
import { KaspiApiAnswerError, KaspiRefusedError, errorMessage } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { serverText } from "../../lib/server-text"
import { useSendActionAgain } from "../../lib/queries"
import type { KaspiActionRow } from "../../lib/types"

/**
 * "Send again" on a failed outbox row: the same row, a new attempt (never a
 * copy). Sent or queued is a toast; a refusal stays on screen in Kaspi's own
 * words, since the merchant has to act on it.
 */
export function SendAgainButton({ row }: { row: Pick<KaspiActionRow, "id" | "kaspi_order_id" | "action"> }) {
  const { t } = useKaspiT()
  const mutation = useSendActionAgain()
  const [error, setError] = useState<string | null>(null)
  const name = t(`action.${row.action}`, { defaultValue: row.action })

  const send = async () => {
    setError(null)
    try {
      const { action } = await mutation.mutateAsync(row)
      if (action.status === "pending" || action.status === "sending") toast.info(t("sendAgain.queued", { action: name }))
      else if (action.status === "dry_run") toast.info(t("actions.dryRun"))
      else toast.success(t("sendAgain.sent", { action: name }))
    } catch (e) {
      const text =
        e instanceof KaspiRefusedError
          ? t("sendAgain.refused", { message: e.message })
          : t("sendAgain.failed", { message: e instanceof KaspiApiAnswerError ? serverText(t, e.body, e.message) : errorMessage(e) })
      setError(text)
      toast.error(text)
    }
  }

  return (
    <div className="flex flex-col items-start gap-y-1">
      <Button size="small" variant="secondary" isLoading={mutation.isPending} onClick={send} data-testid="kaspi-send-again">
        {t("sendAgain.button")}
      </Button>
      <InlineError size="xsmall">{error}</InlineError>
    </div>
  )
}
