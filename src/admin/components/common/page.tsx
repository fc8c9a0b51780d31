import { Container } from "@medusajs/ui"
import type { ReactNode } from "react"
import { SectionHeader } from "./section"

/** A route's page: its title row in a container of its own, then its sections, spaced as Medusa spaces them. */
export function Page({ testId, title, subtitle, actions, children }: { testId: string; title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <Container className="p-0">
        <SectionHeader level="h1" title={title} subtitle={subtitle} actions={actions} />
      </Container>
      {children}
    </div>
  )
}
