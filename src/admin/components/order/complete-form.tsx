import { Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useKaspiT } from "../../lib/i18n"
import type { KaspiActionBody } from "../../lib/types"

/**
 * Kaspi's two-step hand-over for pickup and own delivery: Kaspi texts the
 * buyer a code (step 1), the buyer tells it at hand-over, it completes the order (step 2).
 */
export function CompleteForm({
  canSendCode,
  canComplete,
  busy,
  run,
}: {
  canSendCode: boolean
  canComplete: boolean
  busy?: string
  run: (body: KaspiActionBody) => Promise<boolean>
}) {
  const { t } = useKaspiT()
  const [code, setCode] = useState("")
  const valid = /^\d{4,8}$/.test(code.trim())

  return (
    <div className="flex flex-col gap-y-3" data-testid="kaspi-complete-form">
      {canSendCode ? (
        <div className="flex flex-col gap-y-1.5">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("actions.sendCodeHint")}
          </Text>
          <Button size="small" variant="secondary" isLoading={busy === "send_code"} disabled={Boolean(busy)} onClick={() => run({ action: "send_code" })} data-testid="kaspi-action-send_code">
            {t("actions.sendCode")}
          </Button>
        </div>
      ) : null}
      {canComplete ? (
        <form
          className="flex flex-col gap-y-1.5"
          onSubmit={async (e) => {
            e.preventDefault()
            if (valid && (await run({ action: "complete", security_code: code.trim() }))) setCode("")
          }}
        >
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("actions.completeHint")}
          </Text>
          <div className="flex gap-x-2">
            <Input
              size="small"
              inputMode="numeric"
              autoComplete="one-time-code"
              placeholder={t("actions.codePlaceholder")}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 8))}
              data-testid="kaspi-security-code"
            />
            <Button size="small" type="submit" isLoading={busy === "complete"} disabled={!valid || Boolean(busy)} data-testid="kaspi-action-complete">
              {t("actions.complete")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
