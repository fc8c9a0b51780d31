import { Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useKaspiT } from "../../lib/i18n"
import type { OfferedAction } from "../../lib/types"

type PanelAction = Exclude<OfferedAction, "cancel" | "cancel_entry">

/** Each action's button and the line above it that says what it does (the cancels have their drawers: cancel-drawer.tsx). */
const WORDS: Record<PanelAction, { label: string; hint: string }> = {
  accept: { label: "actions.accept", hint: "actions.acceptHint" },
  assemble: { label: "actions.assemble", hint: "actions.assembleHint" },
  send_code: { label: "actions.sendCode", hint: "actions.sendCodeHint" },
  complete: { label: "actions.complete", hint: "actions.completeHint" },
  arrived: { label: "actions.arrived", hint: "actions.arrivedHint" },
  arrived_backward: { label: "actions.arrivedBackward", hint: "actions.arrivedBackwardHint" },
}

function Hint({ action }: { action: PanelAction }) {
  const { t } = useKaspiT()
  return (
    <Text size="xsmall" className="text-ui-fg-subtle">
      {t(WORDS[action].hint)}
    </Text>
  )
}

/**
 * An action's button, named after the action for the tests: it spins while
 * that action is on its way and is off while any is (one at a time, as Kaspi
 * takes them). Without `onClick` it submits its form.
 */
function ActionButton({ action, busy, disabled = false, onClick, variant }: { action: PanelAction; busy?: string; disabled?: boolean; onClick?: () => void; variant?: "primary" | "secondary" }) {
  const { t } = useKaspiT()
  return (
    <Button
      size="small"
      variant={variant}
      type={onClick ? undefined : "submit"}
      isLoading={busy === action}
      disabled={disabled || Boolean(busy)}
      onClick={onClick}
      data-testid={`kaspi-action-${action}`}
    >
      {t(WORDS[action].label)}
    </Button>
  )
}

/** One action of the panel: what it does, its button, and below it whatever the caller adds (the last answer of Kaspi). */
export function ActionStep({
  action,
  busy,
  onClick,
  primary = false,
  children,
}: {
  action: PanelAction
  /** The action on its way, if any. */
  busy?: string
  onClick: () => void
  primary?: boolean
  children?: ReactNode
}) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <Hint action={action} />
      <ActionButton action={action} busy={busy} variant={primary ? "primary" : "secondary"} onClick={onClick} />
      {children}
    </div>
  )
}

/** An action that takes a value first (the packages, the buyer's code): its field and its button on one line, sent once `valid`. */
export function ActionForm({ action, busy, valid, onSubmit, children }: { action: PanelAction; busy?: string; valid: boolean; onSubmit: () => unknown; children: ReactNode }) {
  return (
    <form
      className="flex flex-col gap-y-1.5"
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) void onSubmit()
      }}
    >
      <Hint action={action} />
      <div className="flex items-center gap-x-2">
        {children}
        <ActionButton action={action} busy={busy} disabled={!valid} />
      </div>
    </form>
  )
}
