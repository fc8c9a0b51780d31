import { Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { errorStatus, errorMessage, kaspiApi } from "../../lib/api"
import { InlineError } from "../common/section"
import { Stat } from "../common/stat"
import { useKaspiT } from "../../lib/i18n"
import { kaspiKeys } from "../../lib/queries"

/** The latest build against the feed that was live before it: added, removed, price and stock changes. */
export function FeedDiffView({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const { data, error, isLoading } = useQuery({ queryKey: kaspiKeys.feedPart(accountId, "diff"), queryFn: () => kaspiApi.feedDiff(accountId), retry: false })
  if (errorStatus(error) === 404) return <Text size="small" className="text-ui-fg-muted">{t("diff.none")}</Text>
  if (error) return <InlineError>{errorMessage(error)}</InlineError>
  if (isLoading || !data) return <Text size="small">{t("common.loading")}</Text>
  const d = data.diff
  if (!d) return <Text size="small" className="text-ui-fg-muted">{data.message ?? t("diff.none")}</Text>
  const examples = [
    ...d.samples.added.map((s) => `+ ${s}`),
    ...d.samples.removed.map((s) => `− ${s}`),
    ...d.samples.price_changed.map((s) => `${s.sku}: ${s.from} → ${s.to}`),
    ...d.samples.stock_changed.map((s) => `${s.sku}: ${s.from} → ${s.to}`),
  ].slice(0, 12)
  return (
    <div className="flex flex-col gap-y-4" data-testid="kaspi-feed-diff">
      <Text size="small" className="text-ui-fg-subtle">
        {t("diff.intro")}
      </Text>
      <div className="grid grid-cols-3 gap-3 md:grid-cols-7">
        <Stat label={t("diff.previous")} value={d.previous_offers} size="large" />
        <Stat label={t("diff.now")} value={d.offers} size="large" />
        <Stat label={t("diff.added")} value={d.added} size="large" testId="kaspi-diff-added" />
        <Stat label={t("diff.removed")} value={d.removed} size="large" />
        <Stat label={t("diff.priceChanged")} value={d.price_changed} size="large" />
        <Stat label={t("diff.stockChanged")} value={d.stock_changed} size="large" />
        <Stat label={t("diff.unchanged")} value={d.unchanged} size="large" />
      </div>
      {examples.length ? (
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            {t("diff.examples")}
          </Text>
          {examples.map((e) => (
            <Text key={e} size="xsmall" className="font-mono">
              {e}
            </Text>
          ))}
        </div>
      ) : null}
    </div>
  )
}
