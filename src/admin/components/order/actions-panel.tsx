import { ActionStep } from "./action-step"
import { AssembleForm } from "./assemble-form"
import { CancelDrawer } from "./cancel-drawer"
import { CancelLineDrawer } from "./cancel-line-drawer"
import { CompleteForm } from "./complete-form"
import { useRunKaspiAction } from "./use-run-action"
import { WidgetPart } from "./widget-part"
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
  const failed = feedback?.kind === "error" ? feedback.text : null
  const simple = (action: "accept" | "arrived" | "arrived_backward", primary = false) =>
    can(action) ? <ActionStep action={action} busy={pendingAction} primary={primary} onClick={() => run({ action })} /> : null

  return (
    <WidgetPart title={t("actions.title")} testId="kaspi-actions" empty={allowed.length === 0} none={t("actions.none")}>
      {simple("accept", true)}
      {can("assemble") ? <AssembleForm busy={pendingAction} run={run} /> : null}
      {can("send_code") || can("complete") ? (
        <CompleteForm orderRef={orderRef} canSendCode={can("send_code")} canComplete={can("complete")} busy={pendingAction} run={run} />
      ) : null}
      {simple("arrived")}
      {simple("arrived_backward")}
      {can("cancel_entry") ? (
        <div>
          <CancelLineDrawer orderLines={lines} reasons={cancelReasons} busy={pendingAction} error={failed} run={run} />
        </div>
      ) : null}
      {can("cancel") ? (
        <div>
          <CancelDrawer
            action="cancel"
            intro={t("actions.cancelIntro", { code })}
            reasons={cancelReasons}
            busy={pendingAction}
            error={failed}
            onConfirm={(reason, comment) => run({ action: "cancel", reason, ...(comment ? { comment } : {}) })}
          />
        </div>
      ) : null}
      <div data-testid="kaspi-action-feedback">
        {feedback?.kind === "error" ? <InlineError>{feedback.text}</InlineError> : feedback ? <Muted>{feedback.text}</Muted> : null}
      </div>
    </WidgetPart>
  )
}
