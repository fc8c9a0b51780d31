import { Alert, Button, Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { FormDrawer } from "../common/form-drawer"
import { CancelReasonFields } from "./cancel-reason-fields"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason } from "../../lib/types"

type CancelAction = "cancel" | "cancel_entry"

interface CancelKind {
  label: string
  title: string
  keep: string
  confirm: string
  /** Names the reason fields: see CancelReasonFields. */
  idPrefix: string
  drawerTestId: string
  confirmTestId: string
  triggerClassName?: string
}

/** Each cancel's words and test ids. Cutting a line is the lesser cut: its button is not red. */
const KINDS: Record<CancelAction, CancelKind> = {
  cancel: {
    label: "actions.cancel",
    title: "actions.cancelTitle",
    keep: "actions.keep",
    confirm: "actions.confirmCancel",
    idPrefix: "kaspi-cancel",
    drawerTestId: "kaspi-cancel-drawer",
    confirmTestId: "kaspi-confirm-cancel",
    triggerClassName: "text-ui-fg-error",
  },
  cancel_entry: {
    label: "actions.cancelLine",
    title: "actions.cancelLineTitle",
    keep: "actions.keepLine",
    confirm: "actions.confirmCancelLine",
    idPrefix: "kaspi-cancel-line",
    drawerTestId: "kaspi-cancel-line-drawer",
    confirmTestId: "kaspi-confirm-cancel-line",
  },
}

/**
 * Cancelling the order or one of its lines asks for one of Kaspi's reasons
 * (only those Kaspi allows for this order) and warns about the quality index,
 * since cancellations above 5% in 30 days get a shop disconnected.
 */
export function CancelDrawer({
  action,
  intro,
  reasons,
  ready = true,
  busy,
  error,
  onConfirm,
  children,
}: {
  action: CancelAction
  intro: ReactNode
  reasons: CancelReason[]
  /** Whether the fields above the reason (`children`) are complete. */
  ready?: boolean
  /** The action on its way, if any: every cancel waits for it, and this one's confirm spins. */
  busy?: string
  error?: string | null
  /** Sends the cancel (the comment trimmed, "" when there is none); true once Kaspi took it. */
  onConfirm: (reason: CancelReason, comment: string) => Promise<boolean>
  children?: ReactNode
}) {
  const { t } = useKaspiT()
  const kind = KINDS[action]
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<CancelReason | "">("")
  const [comment, setComment] = useState("")

  const submit = async () => {
    if (!reason || !ready) return
    if (await onConfirm(reason, comment.trim())) setOpen(false)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="small" variant="secondary" className={kind.triggerClassName} disabled={Boolean(busy)} data-testid={`kaspi-action-${action}`}>
          {t(kind.label)}
        </Button>
      }
      title={t(kind.title)}
      contentTestId={kind.drawerTestId}
      error={error}
      cancelLabel={t(kind.keep)}
      submitLabel={t(kind.confirm)}
      submitVariant="danger"
      submitDisabled={!reason || !ready}
      busy={busy === action}
      onSubmit={submit}
      submitTestId={kind.confirmTestId}
    >
      <Text size="small">{intro}</Text>
      <Alert variant="warning">{t("actions.cancelWarning")}</Alert>
      {children}
      <CancelReasonFields idPrefix={kind.idPrefix} reasons={reasons} reason={reason} onReason={setReason} comment={comment} onComment={setComment} />
    </FormDrawer>
  )
}
