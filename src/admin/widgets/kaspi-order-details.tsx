import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, StatusBadge } from "@medusajs/ui"
import { ActionsPanel } from "../components/order/actions-panel"
import { DisagreementNotice } from "../components/order/disagreement-notice"
import { EventLog } from "../components/order/event-log"
import { OrderFacts } from "../components/order/order-facts"
import { OutboxList } from "../components/order/outbox-list"
import { SyncProblemNotice } from "../components/order/sync-problem-notice"
import { WaitingForKaspi } from "../components/order/waiting-for-kaspi"
import { InlineError } from "../components/common/section"
import { errorMessage } from "../lib/api"
import { useKaspiT } from "../lib/i18n"
import { kaspiStatusColor, word } from "../lib/kaspi-words"
import { useKaspiOrder, useKaspiOrderActions } from "../lib/queries"

/** Kaspi's side of one imported order, next to Medusa's own sections. */
function KaspiOrderPanel({ orderId }: { orderId: string }) {
  const { t } = useKaspiT()
  const order = useKaspiOrder(orderId)
  const actions = useKaspiOrderActions(orderId)

  if (order.isLoading) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{t("widget.title")}</Heading>
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </Container>
    )
  }
  if (order.isError || !order.data) {
    return (
      <Container className="px-6 py-4">
        <Heading level="h2">{t("widget.title")}</Heading>
        <InlineError>{t("widget.loadError", { message: errorMessage(order.error) })}</InlineError>
      </Container>
    )
  }
  const { kaspi_order: k, events, allowed_actions, cancel_reasons, lines } = order.data
  const outbox = actions.data?.actions ?? []
  return (
    <Container className="divide-y p-0" data-testid="kaspi-order-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("widget.title")}</Heading>
        <StatusBadge color={kaspiStatusColor(k.status)}>{word(t, "statusShort", k.status)}</StatusBadge>
      </div>
      <WaitingForKaspi actions={outbox} />
      <DisagreementNotice orderRef={orderId} code={k.code} disagreement={k.disagreement} />
      <SyncProblemNotice problem={k.sync_problem} />
      <OrderFacts order={k} />
      <ActionsPanel orderRef={orderId} code={k.code} allowed={allowed_actions} cancelReasons={cancel_reasons} lines={lines} />
      <OutboxList actions={outbox} />
      <EventLog events={events} />
    </Container>
  )
}

/** Rendered only for orders the plugin imported from Kaspi (their metadata carries the Kaspi code). */
const KaspiOrderWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  if (!data?.metadata?.kaspi_code) return null
  return <KaspiOrderPanel orderId={data.id} />
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "kaspi:order-details-side",
})

export default KaspiOrderWidget
