import { Heading, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The header row of a Medusa admin section: a title, an optional subtitle and actions on the right. */
export function SectionHeader({ title, subtitle, actions, level = "h2" }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; level?: "h1" | "h2" | "h3" }) {
  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Heading level={level}>{title}</Heading>
        {subtitle ? (
          <Text size="small" className="text-ui-fg-subtle">
            {subtitle}
          </Text>
        ) : null}
      </div>
      {actions ? <div className="flex items-center gap-x-2">{actions}</div> : null}
    </div>
  )
}

/** A label/value pair in the two-column style of Medusa's detail pages. */
export function FactRow({
  label,
  children,
  testId,
  className,
  valueClassName,
}: {
  label: ReactNode
  children: ReactNode
  testId?: string
  /** Where the row stands alone in a section: its padding and alignment. */
  className?: string
  valueClassName?: string
}) {
  return (
    <div className={clx("text-ui-fg-subtle grid grid-cols-2 items-start gap-x-4", className)} data-testid={testId}>
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      <div className={clx("txt-compact-small text-ui-fg-base min-w-0 break-words", valueClassName)}>{children}</div>
    </div>
  )
}

/** A red line of text for a failed call, kept on screen (a toast disappears). */
export function InlineError({ children, className, size = "small" }: { children: ReactNode; className?: string; size?: "small" | "xsmall" }) {
  if (!children) return null
  return (
    <Text size={size} className={clx("text-ui-fg-error", className)} role="alert">
      {children}
    </Text>
  )
}

/** Red, but no alert: something the shop's setup still lacks (no account, no store mapped), not a failed call. */
export function MissingSetup({ children }: { children: ReactNode }) {
  return (
    <Text size="small" className="text-ui-fg-error">
      {children}
    </Text>
  )
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Text size="small" className="text-ui-fg-muted">
      {children}
    </Text>
  )
}
