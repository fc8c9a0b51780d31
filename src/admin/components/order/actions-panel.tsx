import { Button, Heading, Text } from "@medusajs/ui"
import { AssembleForm } from "./assemble-form"
import { CancelDrawer } from "./cancel-drawer"
import { CancelLineDrawer } from "./cancel-line-drawer"
import { CompleteForm } from "./complete-form"
import { useRunKaspiAction } from "./use-run-action"
import { InlineError, Muted } from "../common/section"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason, KaspiOrderLine, OfferedAction } from "../../lib/types"

/** Only the actions Kaspi would take now (allowed_actions, decided on the server with the API's own rules). */
export function ActionsPanel({
  orderRef,
  code,
  allowed,
  cancelReasons,
  lines,
}: {
  orderRef: string
  code: string
  allowed: OfferedAction[]
  cancelReasons: CancelReason[]
  /** The order's lines with their Kaspi entry ids: what a partial cancel picks from. */
  lines: KaspiOrderLine[]
}) {
  const { t } = useKaspiT()
  const { run, feedback, pendingAction } = useRunKaspiAction(orderRef)
  const can = (a: OfferedAction) => allowed.includes(a)
  const simple = (action: "accept" | "arrived" | "arrived_backward", label: string, hint: string, primary = false) =>
    can(action) ? (
      <div className="flex flex-col gap-y-1.5">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
        <Button
          size="small"
          variant={primary ? "primary" : "secondary"}
          isLoading={pendingAction === action}
          disabled={Boolean(pendingAction)}
          onClick={() => run({ action })}
          data-testid={`kaspi-action-${action}`}
        >
          {label}
        </Button>
      </div>
    ) : null

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="kaspi-actions">
      <Heading level="h3">{t("actions.title")}</Heading>
      {allowed.length === 0 ? <Muted>{t("actions.none")}</Muted> : null}
      {simple("accept", t("actions.accept"), t("actions.acceptHint"), true)}
      {can("assemble") ? <AssembleForm busy={pendingAction} run={run} /> : null}
      {can("send_code") || can("complete") ? (
        <CompleteForm orderRef={orderRef} canSendCode={can("send_code")} canComplete={can("complete")} busy={pendingAction} run={run} />
      ) : null}
      {simple("arrived", t("actions.arrived"), t("actions.arrivedHint"))}
      {simple("arrived_backward", t("actions.arrivedBackward"), t("actions.arrivedBackwardHint"))}
      {can("cancel_entry") ? (
        <div>
          <CancelLineDrawer orderLines={lines} reasons={cancelReasons} busy={pendingAction} error={feedback?.kind === "error" ? feedback.text : null} run={run} />
        </div>
      ) : null}
      {can("cancel") ? (
        <div>
          <CancelDrawer code={code} reasons={cancelReasons} busy={pendingAction} error={feedback?.kind === "error" ? feedback.text : null} run={run} />
        </div>
      ) : null}
      <div data-testid="kaspi-action-feedback">
        {feedback?.kind === "error" ? <InlineError>{feedback.text}</InlineError> : feedback ? <Muted>{feedback.text}</Muted> : null}
      </div>
    </div>
  )
}
