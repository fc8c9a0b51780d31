import { Table, Text } from "@medusajs/ui"
import { FeedPart } from "./feed-part"
import { DataTable } from "../common/data-table"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { serverText } from "../../lib/server-text"
import type { FeedReport as Report } from "../../lib/types"

/** Why offers of the latest build were skipped (counts per reason, then the offers) and the warnings. */
export function FeedReport({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  return (
    <FeedPart accountId={accountId} part="report" load={kaspiApi.feedReport} noBuild={t("report.none")}>
      {(data) => <ReportBody data={data} />}
    </FeedPart>
  )
}

function ReportBody({ data }: { data: Report }) {
  const { t } = useKaspiT()
  // Skip reasons first, then warning codes, in one table of counts.
  const counts = [
    ...Object.entries(data.skipped_by_reason).map(([code, n]) => ({ key: code, kind: t("feed.skipped"), code, n })),
    ...Object.entries(data.warnings_by_code).map(([code, n]) => ({ key: `w-${code}`, kind: t("feed.warnings"), code, n })),
  ]
  return (
    <div className="flex flex-col gap-y-4" data-testid="kaspi-feed-report">
      <Text size="small" className="text-ui-fg-subtle">
        {t("report.intro")}
      </Text>
      {counts.length === 0 ? <Text size="small">{t("report.clean")}</Text> : null}
      <DataTable
        columns={[t("report.reason"), { label: t("report.count"), className: "text-right" }]}
        rows={counts}
        row={(c) => (
          <Table.Row key={c.key}>
            <Table.Cell>
              {c.kind}: <span className="font-mono">{c.code}</span>
            </Table.Cell>
            <Table.Cell className="text-right">{c.n}</Table.Cell>
          </Table.Row>
        )}
      />
      {data.issues.length ? (
        <ul className="flex flex-col gap-y-1">
          {data.issues.map((i) => (
            <li key={`${i.variant_id}-${i.code}`}>
              <Text size="xsmall">
                <span className="font-mono">{i.sku ?? i.variant_id}</span> — {serverText(t, i.text, i.message)}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      {data.issues_truncated ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("report.truncated")}
        </Text>
      ) : null}
    </div>
  )
}
