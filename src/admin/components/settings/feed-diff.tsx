import { Text } from "@medusajs/ui"
import { FeedPart } from "./feed-part"
import { Muted } from "../common/section"
import { Stat } from "../common/stat"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import type { FeedDiffResponse } from "../../lib/types"

type FeedDiff = NonNullable<FeedDiffResponse["diff"]>

/** The latest build against the feed that was live before it: added, removed, price and stock changes. */
export function FeedDiffView({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  return (
    <FeedPart accountId={accountId} part="diff" load={kaspiApi.feedDiff} noBuild={t("diff.none")}>
      {(data) => (data.diff ? <DiffFigures d={data.diff} /> : <Muted>{data.message ?? t("diff.none")}</Muted>)}
    </FeedPart>
  )
}

function DiffFigures({ d }: { d: FeedDiff }) {
  const { t } = useKaspiT()
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
