import { Container, Table, Text } from "@medusajs/ui"
import { DataTable } from "../common/data-table"
import { OrderLink } from "../common/order-link"
import { Muted, SectionHeader } from "../common/section"
import { ListState } from "../common/list-state"
import { SendAgainButton } from "../order/send-again-button"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { useKaspiActions } from "../../lib/queries"

const SHOWN = 50
const QUERY = { status: "failed", limit: SHOWN, offset: 0 }

/**
 * Actions Kaspi refused or never took, across all orders (the outbox gave up
 * on them): each with Kaspi's answer and "Send again", so nothing the
 * merchant asked for is silently lost.
 */
export function FailedActions() {
  const { t } = useKaspiT()
  const locale = useLocale()
  const { data, isError, error } = useKaspiActions(QUERY)
  const rows = data?.actions ?? []
  const count = data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid="kaspi-failed-actions">
      <SectionHeader title={t("failedActions.title")} subtitle={count ? t("failedActions.subtitle") : undefined} />
      <ListState isError={isError} error={error} empty={Boolean(data) && count === 0} none={t("failedActions.none")} />
      <DataTable
        columns={[t("failedActions.order"), t("failedActions.action"), t("failedActions.when"), t("failedActions.attempts"), t("failedActions.error"), {}]}
        rows={rows}
        row={(a) => (
          <Table.Row key={a.id} data-testid="kaspi-failed-action" data-id={a.id} data-code={a.code} data-action={a.action}>
            <Table.Cell>
              <OrderLink orderId={a.order_id}>{a.code}</OrderLink>
            </Table.Cell>
            <Table.Cell>{t(`action.${a.action}`, { defaultValue: a.action })}</Table.Cell>
            <Table.Cell className="whitespace-nowrap">{formatDateTime(a.updated_at, locale)}</Table.Cell>
            <Table.Cell>{a.attempts}</Table.Cell>
            <Table.Cell className="max-w-[360px] py-2">
              <Text size="xsmall" className="text-ui-fg-subtle line-clamp-3 whitespace-normal break-words" title={a.last_error ?? undefined}>
                {a.last_error ?? "—"}
              </Text>
            </Table.Cell>
            <Table.Cell className="py-2">
              {/* Each "send the code" may text the buyer a code: it is asked for again on the order, knowingly. */}
              {a.action === "send_code" ? <Muted>{t("sendAgain.sendCodeHint")}</Muted> : <SendAgainButton row={a} />}
            </Table.Cell>
          </Table.Row>
        )}
      />
      {count > rows.length ? (
        <div className="px-6 py-3">
          <Muted>{t("failedActions.more", { shown: rows.length, count })}</Muted>
        </div>
      ) : null}
    </Container>
  )
}
