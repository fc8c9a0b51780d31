import { defineRouteConfig } from "@medusajs/admin-sdk"
import { TextLink } from "../../components/common/text-link"
import { ArrowPath, BuildingStorefront } from "@medusajs/icons"
import { Button, Container, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { BackfillDrawer } from "../../components/kaspi-page/backfill-drawer"
import { BackfillProgress } from "../../components/kaspi-page/backfill-progress"
import { FailedActions } from "../../components/kaspi-page/failed-actions"
import { DueSection } from "../../components/kaspi-page/due-section"
import { HandoverSection } from "../../components/kaspi-page/handover-section"
import { EMPTY_FILTERS, OrderFilters, type OrderFilterValues } from "../../components/kaspi-page/order-filters"
import { OrdersTable } from "../../components/kaspi-page/orders-table"
import { OverviewCards } from "../../components/kaspi-page/overview-cards"
import { InlineError, SectionHeader } from "../../components/common/section"
import { Pager } from "../../components/common/pager"
import { errorMessage, kaspiApi } from "../../lib/api"
import { startOfToday } from "../../lib/format"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi, useKaspiOrders, useKaspiOverview } from "../../lib/queries"

const PAGE_SIZE = 20

/** Admin → Kaspi: the integration's health, then every Kaspi order with its import status (what needs a person first). */
const KaspiPage = () => {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const todayFrom = useMemo(startOfToday, [])
  const overview = useKaspiOverview(todayFrom)
  const [filters, setFilters] = useState<OrderFilterValues>(EMPTY_FILTERS)
  const [page, setPage] = useState(0)
  const query = {
    ...filters,
    // Date inputs are whole days in the user's time zone.
    created_from: filters.created_from ? new Date(`${filters.created_from}T00:00:00`).toISOString() : "",
    created_to: filters.created_to ? new Date(`${filters.created_to}T23:59:59.999`).toISOString() : "",
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  }
  const orders = useKaspiOrders(query)
  const [syncing, setSyncing] = useState(false)
  // Orders ticked in the list for the hand-over print (kept across pages and filters).
  const [ticked, setTicked] = useState<string[]>([])
  const toggleTicked = (id: string) => setTicked((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]))

  const syncNow = async () => {
    setSyncing(true)
    try {
      const r = await kaspiApi.syncNow()
      if (r.ran === false) toast.info(t("page.syncSkipped"))
      else toast.success(t("page.synced"))
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setSyncing(false)
      await invalidate()
    }
  }

  const count = orders.data?.count ?? 0
  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-page">
      <Container className="p-0">
        <SectionHeader
          level="h1"
          title={t("page.title")}
          subtitle={t("page.subtitle")}
          actions={
            <>
              <TextLink to="/kaspi/events" testId="kaspi-event-log-link">{t("eventLog.title")}</TextLink>
              <TextLink to="/kaspi/cards" testId="kaspi-cards-link">{t("cards.bulkTitle")}</TextLink>
              <BackfillDrawer />
              <Button size="small" variant="secondary" isLoading={syncing} onClick={syncNow} data-testid="kaspi-sync-now">
                <ArrowPath />
                {t("page.syncNow")}
              </Button>
            </>
          }
        />
      </Container>
      <BackfillProgress />
      <OverviewCards data={overview.data} isLoading={overview.isLoading} error={overview.error} />
      <DueSection />
      <FailedActions />
      <HandoverSection selectedIds={ticked} onPrinted={() => setTicked([])} />
      <Container className="divide-y p-0">
        <SectionHeader title={t("orders.title")} />
        <OrderFilters
          value={filters}
          counts={orders.data?.counts ?? {}}
          onChange={(v) => {
            setFilters(v)
            setPage(0)
          }}
        />
        {orders.isError ? <InlineError className="px-6 py-4">{t("common.error", { message: errorMessage(orders.error) })}</InlineError> : null}
        <OrdersTable orders={orders.data?.kaspi_orders ?? []} ticked={{ ids: ticked, toggle: toggleTicked }} />
        <Pager count={count} capped={orders.data?.count_capped} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.kaspi",
  translationNs: "kaspi",
  icon: BuildingStorefront,
})

export default KaspiPage
