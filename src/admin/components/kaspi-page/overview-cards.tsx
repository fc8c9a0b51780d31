import { Container, Skeleton, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { CancellationMeter } from "./cancellation-meter"
import { InlineError } from "../common/section"
import { errorMessage } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import type { KaspiOverview } from "../../lib/types"

function Card({ title, children, testId, wide }: { title: ReactNode; children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <Container className={clx("flex flex-col gap-y-2 px-6 py-4", wide && "md:col-span-2")} data-testid={testId}>
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {title}
      </Text>
      {children}
    </Container>
  )
}

const Big = ({ children }: { children: ReactNode }) => (
  <Text size="xlarge" weight="plus">
    {children}
  </Text>
)
const Small = ({ children }: { children: ReactNode }) => (
  <Text size="xsmall" className="text-ui-fg-subtle">
    {children}
  </Text>
)

/** Is the integration healthy: last sync per shop, today's imports, what needs a person, cancellations vs Kaspi's thresholds. */
export function OverviewCards({ data, isLoading, error }: { data?: KaspiOverview; isLoading: boolean; error: unknown }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  if (isLoading) return <Skeleton className="h-32 w-full" />
  if (error || !data) return <InlineError>{t("common.error", { message: errorMessage(error) })}</InlineError>
  const several = data.accounts.length > 1
  return (
    <div className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:grid-cols-6" data-testid="kaspi-overview">
      {data.accounts.map((a) => (
        <Card key={a.id} title={several ? t("overview.lastSyncOf", { account: a.name ?? a.id }) : t("overview.lastSync")} testId="kaspi-last-sync">
          <Big>{a.sync?.last_success_at ? formatDateTime(a.sync.last_success_at, locale) : t("common.never")}</Big>
          {a.sync?.last_error ? <InlineError size="xsmall">{t("overview.syncError", { message: a.sync.last_error })}</InlineError> : null}
        </Card>
      ))}
      <Card title={t("overview.importedToday")} testId="kaspi-imported-today">
        <Big>{data.orders.imported_today}</Big>
      </Card>
      <Card title={t("overview.needsAttention")} testId="kaspi-needs-attention">
        <Big>{data.orders.needs_attention}</Big>
        <Small>{t("overview.failedOrders", { count: data.orders.failed })}</Small>
      </Card>
      <Card title={t("overview.actions")} testId="kaspi-actions-health">
        <Big>{data.actions.pending}</Big>
        <Small>{t("overview.failedRecently", { days: data.actions.failed_window_days, count: data.actions.failed_recently })}</Small>
      </Card>
      {data.accounts.map((a) => (
        <Card key={`c-${a.id}`} wide title={`${t("overview.cancellations", { days: a.cancellations.window_days })}${several ? ` · ${a.name ?? a.id}` : ""}`} testId="kaspi-cancellations">
          <CancellationMeter c={a.cancellations} />
        </Card>
      ))}
    </div>
  )
}
