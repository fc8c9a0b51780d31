import { Container, Table } from "@medusajs/ui"
import { DataTable } from "../common/data-table"
import { OrderLink } from "../common/order-link"
import { SectionHeader } from "../common/section"
import { ListState } from "../common/list-state"
import { DeadlineBadge } from "../common/deadline-badge"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { useKaspiDeadlines } from "../../lib/queries"

const SHOWN = 10

/**
 * What is due first: orders waiting for acceptance and for the courier, by
 * their deadline, overdue ones on top. Kaspi does not publish its acceptance
 * time-out: the subtitle says which one the plugin counts with.
 */
export function DueSection() {
  const { t } = useKaspiT()
  const locale = useLocale()
  const { data, isError, error } = useKaspiDeadlines(SHOWN)
  const rows = data?.deadlines ?? []
  return (
    <Container className="divide-y p-0" data-testid="kaspi-due">
      <SectionHeader
        title={t("due.title")}
        subtitle={data ? t("due.subtitle", { minutes: data.accept_within_minutes, warn: data.warn_minutes }) : undefined}
      />
      <ListState isError={isError} error={error} empty={Boolean(data) && !rows.length} none={t("due.none")} />
      <DataTable
        columns={[t("due.order"), t("due.deadline"), t("due.by")]}
        rows={rows}
        row={(d) => (
          <Table.Row key={`${d.id}:${d.kind}`} data-testid="kaspi-due-order" data-code={d.code}>
            <Table.Cell>
              <OrderLink orderId={d.order_id}>{d.code}</OrderLink>
            </Table.Cell>
            <Table.Cell>
              <DeadlineBadge deadline={d} soonMinutes={data?.warn_minutes} />
            </Table.Cell>
            <Table.Cell className="whitespace-nowrap">{formatDateTime(d.due_at, locale)}</Table.Cell>
          </Table.Row>
        )}
      />
    </Container>
  )
}
