import { Alert, Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { FormDrawer } from "../common/form-drawer"
import { CancelReasonFields } from "./cancel-reason-fields"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason, KaspiActionBody } from "../../lib/types"

/**
 * Cancelling asks for one of Kaspi's reasons (only those Kaspi allows for this
 * order) and warns about the quality index, since cancellations above 5% in
 * 30 days get a shop disconnected.
 */
export function CancelDrawer({
  code,
  reasons,
  busy,
  error,
  run,
}: {
  code: string
  reasons: CancelReason[]
  busy?: string
  error?: string | null
  run: (body: KaspiActionBody) => Promise<boolean>
}) {
  const { t } = useKaspiT()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<CancelReason | "">("")
  const [comment, setComment] = useState("")

  const submit = async () => {
    if (!reason) return
    const ok = await run({ action: "cancel", reason, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    if (ok) setOpen(false)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="small" variant="secondary" className="text-ui-fg-error" disabled={Boolean(busy)} data-testid="kaspi-action-cancel">
          {t("actions.cancel")}
        </Button>
      }
      title={t("actions.cancelTitle")}
      contentTestId="kaspi-cancel-drawer"
      error={error}
      cancelLabel={t("actions.keep")}
      submitLabel={t("actions.confirmCancel")}
      submitVariant="danger"
      submitDisabled={!reason}
      busy={busy === "cancel"}
      onSubmit={submit}
      submitTestId="kaspi-confirm-cancel"
    >
      <Text size="small">{t("actions.cancelIntro", { code })}</Text>
      <Alert variant="warning">{t("actions.cancelWarning")}</Alert>
      <CancelReasonFields idPrefix="kaspi-cancel" reasons={reasons} reason={reason} onReason={setReason} comment={comment} onComment={setComment} />
    </FormDrawer>
  )
}
