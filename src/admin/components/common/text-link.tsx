import type { ReactNode } from "react"
import { Link } from "react-router-dom"

/** A link in a section header's actions, in Medusa's interactive text colour. */
export function TextLink({ to, testId, children }: { to: string; testId?: string; children: ReactNode }) {
  return (
    <Link to={to} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small" data-testid={testId}>
      {children}
    </Link>
  )
}
