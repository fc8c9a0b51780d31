import { Container } from "@medusajs/ui"
import type { ReactNode } from "react"
import { SectionHeader } from "../common/section"
import { TextLink } from "../common/text-link"
import { useKaspiT } from "../../lib/i18n"

/** A page below Admin → Kaspi (event log, product cards): one container, its title row leading back to the Kaspi page. */
export function KaspiSubPage({ testId, title, subtitle, actions, children }: { testId: string; title: ReactNode; subtitle: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const { t } = useKaspiT()
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <SectionHeader
        level="h1"
        title={title}
        subtitle={subtitle}
        actions={
          <>
            <TextLink to="/kaspi">{t("eventLog.back")}</TextLink>
            {actions}
          </>
        }
      />
      {children}
    </Container>
  )
}
