import { ArrowPath } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { BackfillDrawer } from "./backfill-drawer"
import { TextLink } from "../common/text-link"
import { useToastedCall } from "../common/use-toasted-call"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"

/** The Kaspi page's header actions: the event log, the product cards, a re-import of past days, and a sync now. */
export function KaspiPageActions() {
  const { t } = useKaspiT()
  const { busy, call } = useToastedCall<"sync">()

  const syncNow = () =>
    call("sync", async () => {
      const r = await kaspiApi.syncNow()
      if (r.ran === false) toast.info(t("page.syncSkipped"))
      else toast.success(t("page.synced"))
    })

  return (
    <>
      <TextLink to="/kaspi/events" testId="kaspi-event-log-link">{t("eventLog.title")}</TextLink>
      <TextLink to="/kaspi/cards" testId="kaspi-cards-link">{t("cards.bulkTitle")}</TextLink>
      <BackfillDrawer />
      <Button size="small" variant="secondary" isLoading={busy === "sync"} onClick={syncNow} data-testid="kaspi-sync-now">
        <ArrowPath />
        {t("page.syncNow")}
      </Button>
    </>
  )
}
