import { Badge, Table, Text } from "@medusajs/ui"
import { DataTable } from "../../../components/common/data-table"
import { ListState } from "../../../components/common/list-state"
import { Pager } from "../../../components/common/pager"
import { usePagedFilters } from "../../../components/common/use-paged-filters"
import { EMPTY_EVENT_FILTERS, EventFilters } from "../../../components/kaspi-page/event-filters"
import { KaspiSubPage } from "../../../components/kaspi-page/kaspi-sub-page"
import { createdBetween, formatDateTime } from "../../../lib/format"
import { useKaspiT, useLocale } from "../../../lib/i18n"
import { eventTitle } from "../../../lib/kaspi-words"
import { useKaspiEvents } from "../../../lib/queries"
import { serverText } from "../../../lib/server-text"

const PAGE_SIZE = 50
const RESULT_COLOR = { ok: "green", error: "red", info: "grey" } as const

/**
 * Kaspi → Event log: every shop's history in one place (imports, Kaspi's
 * status changes, actions and their answers, what Medusa did), newest first,
 * filtered by type, result, order code and dates. Each order's own history
 * stays on its Kaspi card.
 */
const KaspiEventLogPage = () => {
  const { t } = useKaspiT()
  const locale = useLocale()
  const { filters, setFilters, page, setPage } = usePagedFilters(EMPTY_EVENT_FILTERS)
  const events = useKaspiEvents({
    ...filters,
    ...createdBetween(filters),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const rows = events.data?.events ?? []
  const count = events.data?.count ?? 0

  return (
    <KaspiSubPage testId="kaspi-event-log" title={t("eventLog.title")} subtitle={t("eventLog.subtitle")}>
      <EventFilters value={filters} onChange={setFilters} />
      <ListState isError={events.isError} error={events.error} empty={Boolean(events.data) && count === 0} none={t("eventLog.none")} />
      <DataTable
        columns={[t("eventLog.when"), t("eventLog.code"), t("eventLog.event"), t("eventLog.what")]}
        rows={rows}
        row={(e) => (
          <Table.Row key={e.id} data-testid="kaspi-log-event" data-type={e.type} data-result={e.result} data-code={e.kaspi_code ?? ""}>
            <Table.Cell className="whitespace-nowrap">{formatDateTime(e.created_at, locale)}</Table.Cell>
            <Table.Cell>{e.kaspi_code ?? "—"}</Table.Cell>
            <Table.Cell>
              <span className="inline-flex items-center gap-x-2">
                <Badge size="2xsmall" color={RESULT_COLOR[e.result]}>
                  {t(`eventLog.result.${e.result}`)}
                </Badge>
                {eventTitle(t, e.type)}
              </span>
            </Table.Cell>
            <Table.Cell className="max-w-xl">
              <Text size="small" className="text-ui-fg-subtle break-words whitespace-normal">
                {serverText(t, e.data, e.message) ?? ""}
              </Text>
            </Table.Cell>
          </Table.Row>
        )}
      />
      <Pager count={count} capped={events.data?.count_capped} noun={t("eventLog.results")} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
    </KaspiSubPage>
  )
}

export default KaspiEventLogPage
