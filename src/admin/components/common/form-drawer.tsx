import { Button, Drawer } from "@medusajs/ui"
import { isValidElement, type ComponentProps, type ReactNode } from "react"
import { InlineError } from "./section"
import { useKaspiT } from "../../lib/i18n"

/** The usual opener: a small secondary button. Pass an element instead where it needs more (an icon, a colour). */
export interface TriggerButton {
  label: ReactNode
  testId?: string
}

const isTriggerButton = (t: ReactNode | TriggerButton): t is TriggerButton =>
  typeof t === "object" && t !== null && !isValidElement(t) && "label" in t

export interface FormDrawerProps {
  /** Controlled, so that the caller can close it once its submit has succeeded. */
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Left out when something else opens the drawer through `open`. */
  trigger?: ReactNode | TriggerButton
  title: ReactNode
  contentTestId?: string
  bodyClassName?: string
  children: ReactNode
  error?: string | null
  cancelLabel?: ReactNode
  submitLabel: ReactNode
  onSubmit: () => void
  submitDisabled?: boolean
  busy?: boolean
  submitTestId?: string
  submitVariant?: ComponentProps<typeof Button>["variant"]
}

/** A side drawer holding one form: title, fields, the error of the last try, cancel and submit. */
export function FormDrawer({
  open,
  onOpenChange,
  trigger,
  title,
  contentTestId,
  bodyClassName = "flex flex-col gap-y-4",
  children,
  error,
  cancelLabel,
  submitLabel,
  onSubmit,
  submitDisabled,
  busy,
  submitTestId,
  submitVariant,
}: FormDrawerProps) {
  const { t } = useKaspiT()
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      {trigger === undefined ? null : (
        <Drawer.Trigger asChild>
          {isTriggerButton(trigger) ? (
            <Button size="small" variant="secondary" data-testid={trigger.testId}>
              {trigger.label}
            </Button>
          ) : (
            trigger
          )}
        </Drawer.Trigger>
      )}
      <Drawer.Content data-testid={contentTestId}>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className={bodyClassName}>
          {children}
          <InlineError>{error}</InlineError>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {cancelLabel ?? t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" variant={submitVariant} disabled={submitDisabled} isLoading={busy} onClick={onSubmit} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
