import { Badge, Container, Table, Text } from "@medusajs/ui"
import { TextLink } from "../../../components/common/text-link"
import { useState } from "react"
import { SectionHeader } from "../../../components/common/section"
import { ListState } from "../../../components/common/list-state"
import { Pager } from "../../../components/common/pager"
import { EMPTY_EVENT_FILTERS, EventFilters, type EventFilterValues } from "../../../components/kaspi-page/event-filters"
import { formatDateTime } from "../../../lib/format"
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
  const [filters, setFilters] = useState<EventFilterValues>(EMPTY_EVENT_FILTERS)
  const [page, setPage] = useState(0)
  const events = useKaspiEvents({
    ...filters,
    // Date inputs are whole days in the user's time zone.
    created_from: filters.created_from ? new Date(`${filters.created_from}T00:00:00`).toISOString() : "",
    created_to: filters.created_to ? new Date(`${filters.created_to}T23:59:59.999`).toISOString() : "",
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const rows = events.data?.events ?? []
  const count = events.data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="kaspi-event-log">
      <SectionHeader
        level="h1"
        title={t("eventLog.title")}
        subtitle={t("eventLog.subtitle")}
        actions={
          <TextLink to="/kaspi">{t("eventLog.back")}</TextLink>
        }
      />
      <EventFilters
        value={filters}
        onChange={(v) => {
          setFilters(v)
          setPage(0)
        }}
      />
      <ListState isError={events.isError} error={events.error} empty={Boolean(events.data) && count === 0} none={t("eventLog.none")} />
      {rows.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("eventLog.when")}</Table.HeaderCell>
              <Table.HeaderCell>{t("eventLog.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("eventLog.event")}</Table.HeaderCell>
              <Table.HeaderCell>{t("eventLog.what")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((e) => (
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
            ))}
          </Table.Body>
        </Table>
      ) : null}
      <Pager count={count} capped={events.data?.count_capped} noun={t("eventLog.results")} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
    </Container>
  )
}

export default KaspiEventLogPage
