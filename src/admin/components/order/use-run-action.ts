import { toast } from "@medusajs/ui"
import { useState } from "react"
import { KaspiRefusedError, errorMessage } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useKaspiActionMutation } from "../../lib/queries"
import type { KaspiActionBody } from "../../lib/types"

export interface ActionFeedback {
  kind: "error" | "info"
  text: string
}

/**
 * Sends an action and turns the outcome into words: sent, queued (Kaspi did
 * not answer: retried in the background), dry run, refused by Kaspi (its own
 * words), or not allowed (the API's plain reason; nothing was sent).
 */
export function useRunKaspiAction(ref: string) {
  const { t } = useKaspiT()
  const mutation = useKaspiActionMutation(ref)
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null)

  const run = async (body: KaspiActionBody): Promise<boolean> => {
    setFeedback(null)
    try {
      const { action } = await mutation.mutateAsync(body)
      const name = t(`action.${body.action}`)
      if (action.status === "pending" || action.status === "sending") setFeedback({ kind: "info", text: t("actions.queued") })
      else if (action.status === "dry_run") setFeedback({ kind: "info", text: t("actions.dryRun") })
      else toast.success(t("actions.sent", { action: name }))
      return true
    } catch (e) {
      const text = e instanceof KaspiRefusedError ? t("actions.refused", { message: e.message }) : t("actions.notAllowed", { message: errorMessage(e) })
      setFeedback({ kind: "error", text })
      return false
    }
  }

  return { run, feedback, pending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.action : undefined }
}
