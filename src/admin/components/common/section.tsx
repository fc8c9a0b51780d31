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
export function FactRow({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start gap-x-4" data-testid={testId}>
      <Text size="small" weight="plus" leading="compact">
        {label}
      </Text>
      <div className="txt-compact-small text-ui-fg-base min-w-0 break-words">{children}</div>
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

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Text size="small" className="text-ui-fg-muted">
      {children}
    </Text>
  )
}
