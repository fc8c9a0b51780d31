import { toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { KaspiApiAnswerError, KaspiRefusedError, errorMessage } from "../../lib/api"
import { serverText } from "../../lib/server-text"
import { useKaspiT } from "../../lib/i18n"
import { sendCodeWords } from "../../lib/kaspi-words"
import { useKaspiActionMutation } from "../../lib/queries"
import type { KaspiActionBody } from "../../lib/types"

export interface ActionFeedback {
  kind: "error" | "info"
  text: string
}

/** A fresh name for one click (the server's Idempotency-Key). */
function newClickKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * Sends an action and turns the outcome into words: sent, queued (Kaspi did
 * not answer: retried in the background), dry run, refused by Kaspi (its own
 * words), or not allowed (the API's plain reason; nothing was sent).
 *
 * Sending the code texts the buyer: one click is one request to Kaspi. The
 * click carries its own Idempotency-Key, kept while its request is on the way,
 * so a double click (or a retried request) is the same action on the server;
 * what Kaspi answered is shown as it is, never retried.
 */
export function useRunKaspiAction(ref: string) {
  const { t } = useKaspiT()
  const mutation = useKaspiActionMutation(ref)
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null)
  const inFlightSendCode = useRef<string | null>(null)

  const run = async (body: KaspiActionBody): Promise<boolean> => {
    setFeedback(null)
    const sendCode = body.action === "send_code"
    const idempotencyKey = sendCode ? (inFlightSendCode.current ??= newClickKey()) : undefined
    try {
      const { action } = await mutation.mutateAsync({ body, idempotencyKey })
      const name = t(`action.${body.action}`)
      const codeWords = sendCode ? sendCodeWords(t, action) : null
      if (action.status === "pending" || action.status === "sending") setFeedback({ kind: "info", text: codeWords?.text ?? t("actions.queued") })
      else if (action.status === "dry_run") setFeedback({ kind: "info", text: t("actions.dryRun") })
      else if (codeWords && codeWords.tone !== "ok") setFeedback({ kind: "error", text: codeWords.text })
      else toast.success(codeWords?.text ?? t("actions.sent", { action: name }))
      return true
    } catch (e) {
      // Kaspi's own words stay as Kaspi wrote them; the action rules' refusal is said in the user's language.
      const text =
        e instanceof KaspiRefusedError
          ? t("actions.refused", { message: e.message })
          : t("actions.notAllowed", { message: e instanceof KaspiApiAnswerError ? serverText(t, e.body, e.message) : errorMessage(e) })
      setFeedback({ kind: "error", text })
      return false
    } finally {
      if (sendCode) inFlightSendCode.current = null
    }
  }

  return { run, feedback, pending: mutation.isPending, pendingAction: mutation.isPending ? mutation.variables?.body.action : undefined }
}
