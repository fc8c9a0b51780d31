import { Alert, Button, Drawer, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { InlineError } from "../common/section"
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
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" className="text-ui-fg-error" disabled={Boolean(busy)} data-testid="kaspi-action-cancel">
          {t("actions.cancel")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="kaspi-cancel-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("actions.cancelTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">{t("actions.cancelIntro", { code })}</Text>
          <Alert variant="warning">{t("actions.cancelWarning")}</Alert>
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              {t("actions.reason")}
            </Label>
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
          </div>
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" htmlFor="kaspi-cancel-comment">
              {t("actions.comment")}
            </Label>
            <Textarea id="kaspi-cancel-comment" maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <InlineError>{error}</InlineError>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("actions.keep")}
            </Button>
          </Drawer.Close>
          <Button size="small" variant="danger" disabled={!reason} isLoading={busy === "cancel"} onClick={submit} data-testid="kaspi-confirm-cancel">
            {t("actions.confirmCancel")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
