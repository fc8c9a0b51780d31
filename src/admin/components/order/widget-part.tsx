import { Heading } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Muted } from "../common/section"

/** A titled part of the order's Kaspi widget, saying `none` in a muted line while it is `empty`. */
export function WidgetPart({ title, testId, empty, none, children }: { title: ReactNode; testId: string; empty: boolean; none: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={testId}>
      <Heading level="h3">{title}</Heading>
      {empty ? <Muted>{none}</Muted> : null}
      {children}
    </div>
  )
}
