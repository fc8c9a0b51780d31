import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { BackfillProgress } from "../../components/kaspi-page/backfill-progress"
import { FailedActions } from "../../components/kaspi-page/failed-actions"
import { DueSection } from "../../components/kaspi-page/due-section"
import { HandoverSection } from "../../components/kaspi-page/handover-section"
import { EMPTY_FILTERS, OrderFilters } from "../../components/kaspi-page/order-filters"
import { OrdersTable } from "../../components/kaspi-page/orders-table"
import { OverviewCards } from "../../components/kaspi-page/overview-cards"
import { KaspiPageActions } from "../../components/kaspi-page/page-actions"
import { Page } from "../../components/common/page"
import { InlineError, SectionHeader } from "../../components/common/section"
import { Pager } from "../../components/common/pager"
import { usePagedFilters } from "../../components/common/use-paged-filters"
import { errorMessage } from "../../lib/api"
import { createdBetween, startOfToday } from "../../lib/format"
import { useKaspiT } from "../../lib/i18n"
import { useKaspiOrders, useKaspiOverview } from "../../lib/queries"

const PAGE_SIZE = 20

/** Admin → Kaspi: the integration's health, then every Kaspi order with its import status (what needs a person first). */
const KaspiPage = () => {
  const { t } = useKaspiT()
  const todayFrom = useMemo(startOfToday, [])
  const overview = useKaspiOverview(todayFrom)
  const { filters, setFilters, page, setPage } = usePagedFilters(EMPTY_FILTERS)
  const orders = useKaspiOrders({ ...filters, ...createdBetween(filters), limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  // Orders ticked in the list for the hand-over print (kept across pages and filters).
  const [ticked, setTicked] = useState<string[]>([])
  const toggleTicked = (id: string) => setTicked((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]))

  const count = orders.data?.count ?? 0
  return (
    <Page testId="kaspi-page" title={t("page.title")} subtitle={t("page.subtitle")} actions={<KaspiPageActions />}>
      <BackfillProgress />
      <OverviewCards data={overview.data} isLoading={overview.isLoading} error={overview.error} />
      <DueSection />
      <FailedActions />
      <HandoverSection selectedIds={ticked} onPrinted={() => setTicked([])} />
      <Container className="divide-y p-0">
        <SectionHeader title={t("orders.title")} />
        <OrderFilters value={filters} counts={orders.data?.counts ?? {}} onChange={setFilters} />
        {orders.isError ? <InlineError className="px-6 py-4">{t("common.error", { message: errorMessage(orders.error) })}</InlineError> : null}
        <OrdersTable orders={orders.data?.kaspi_orders ?? []} ticked={{ ids: ticked, toggle: toggleTicked }} />
        <Pager count={count} capped={orders.data?.count_capped} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
      </Container>
    </Page>
  )
}

export const config = defineRouteConfig({
  label: "nav.kaspi",
  translationNs: "kaspi",
  icon: BuildingStorefront,
})

export default KaspiPage
