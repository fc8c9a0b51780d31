import { Container, Tabs } from "@medusajs/ui"
import { FeedDiffView } from "./feed-diff"
import { FeedPreview } from "./feed-preview"
import { FeedReport } from "./feed-report"
import { useKaspiT } from "../../lib/i18n"

/** Preview (the next build, live), validation report and diff (the latest build). */
export function FeedTabs({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  return (
    <Container className="px-6 py-4" data-testid="kaspi-feed-tabs">
      <Tabs defaultValue="preview">
        <Tabs.List>
          <Tabs.Trigger value="preview" data-testid="kaspi-tab-preview">
            {t("feed.tabPreview")}
          </Tabs.Trigger>
          <Tabs.Trigger value="report" data-testid="kaspi-tab-report">
            {t("feed.tabReport")}
          </Tabs.Trigger>
          <Tabs.Trigger value="diff" data-testid="kaspi-tab-diff">
            {t("feed.tabDiff")}
          </Tabs.Trigger>
        </Tabs.List>
        <div className="pt-4">
          <Tabs.Content value="preview">
            <FeedPreview accountId={accountId} />
          </Tabs.Content>
          <Tabs.Content value="report">
            <FeedReport accountId={accountId} />
          </Tabs.Content>
          <Tabs.Content value="diff">
            <FeedDiffView accountId={accountId} />
          </Tabs.Content>
        </div>
      </Tabs>
    </Container>
  )
}
