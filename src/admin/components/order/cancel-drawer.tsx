import { Alert, Button, Select, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
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
      <Field label={t("actions.reason")}>
        <Select value={reason} onValueChange={(v) => setReason(v as CancelReason)}>
          <Select.Trigger data-testid="kaspi-cancel-reason">
            <Select.Value placeholder={t("actions.reason")} />
          </Select.Trigger>
          <Select.Content>
            {reasons.map((r) => (
              <Select.Item key={r} value={r}>
                {t(`reason.${r}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={t("actions.comment")} htmlFor="kaspi-cancel-comment">
        <Textarea id="kaspi-cancel-comment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}
