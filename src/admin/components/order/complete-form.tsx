import { Input, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { ActionForm, ActionStep } from "./action-step"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatDateTime } from "../../lib/format"
import { sendCodeWords } from "../../lib/kaspi-words"
import { useKaspiOrderActions } from "../../lib/queries"
import type { KaspiActionBody } from "../../lib/types"

/**
 * Kaspi's two-step hand-over for pickup and own delivery: Kaspi texts the
 * buyer a code (step 1), the buyer tells it at hand-over, it completes the order (step 2).
 * Step 1 is one request per click, never repeated by the plugin; what Kaspi
 * answered to the last one stays under the button, so the merchant knows
 * whether a code may already be on the buyer's phone before clicking again.
 */
export function CompleteForm({
  orderRef,
  canSendCode,
  canComplete,
  busy,
  run,
}: {
  orderRef: string
  canSendCode: boolean
  canComplete: boolean
  busy?: string
  run: (body: KaspiActionBody) => Promise<boolean>
}) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const [code, setCode] = useState("")
  const valid = /^\d{4,8}$/.test(code.trim())
  const outbox = useKaspiOrderActions(orderRef, canSendCode)
  const lastSendCode = outbox.data?.actions.find((a) => a.action === "send_code")
  const lastWords = lastSendCode ? sendCodeWords(t, lastSendCode) : null

  return (
    <div className="flex flex-col gap-y-3" data-testid="kaspi-complete-form">
      {canSendCode ? (
        <ActionStep action="send_code" busy={busy} onClick={() => run({ action: "send_code" })}>
          {lastSendCode && lastWords ? (
            <Text
              size="xsmall"
              className={clx({ "text-ui-fg-subtle": lastWords.tone !== "warning", "text-ui-fg-error": lastWords.tone === "warning" })}
              data-testid="kaspi-send-code-outcome"
              data-outcome={lastSendCode.result?.send_code?.outcome ?? lastSendCode.status}
            >
              {t("sendCode.last", { date: formatDateTime(lastSendCode.sent_at ?? lastSendCode.updated_at, locale) })} {lastWords.text}
            </Text>
          ) : (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("sendCode.onceHint")}
            </Text>
          )}
        </ActionStep>
      ) : null}
      {canComplete ? (
        <ActionForm
          action="complete"
          busy={busy}
          valid={valid}
          onSubmit={async () => {
            if (await run({ action: "complete", security_code: code.trim() })) setCode("")
          }}
        >
          <Input
            size="small"
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t("actions.codePlaceholder")}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 8))}
            data-testid="kaspi-security-code"
          />
        </ActionForm>
      ) : null}
    </div>
  )
}
