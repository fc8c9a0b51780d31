import { Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { errorStatus, errorMessage, kaspiApi } from "../../lib/api"
import { InlineError } from "../common/section"
import { useKaspiT } from "../../lib/i18n"
import { kaspiKeys } from "../../lib/queries"
import { serverText } from "../../lib/server-text"

/** Why offers of the latest build were skipped (counts per reason, then the offers) and the warnings. */
export function FeedReport({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const { data, error, isLoading } = useQuery({ queryKey: kaspiKeys.feedPart(accountId, "report"), queryFn: () => kaspiApi.feedReport(accountId), retry: false })
  if (errorStatus(error) === 404) return <Text size="small" className="text-ui-fg-muted">{t("report.none")}</Text>
  if (error) return <InlineError>{errorMessage(error)}</InlineError>
  if (isLoading || !data) return <Text size="small">{t("common.loading")}</Text>
  const reasons = Object.entries(data.skipped_by_reason)
  const warnings = Object.entries(data.warnings_by_code)
  return (
    <div className="flex flex-col gap-y-4" data-testid="kaspi-feed-report">
      <Text size="small" className="text-ui-fg-subtle">
        {t("report.intro")}
      </Text>
      {reasons.length === 0 && warnings.length === 0 ? (
        <Text size="small">{t("report.clean")}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("report.reason")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("report.count")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {reasons.map(([code, n]) => (
              <Table.Row key={code}>
                <Table.Cell>
                  {t("feed.skipped")}: <span className="font-mono">{code}</span>
                </Table.Cell>
                <Table.Cell className="text-right">{n}</Table.Cell>
              </Table.Row>
            ))}
            {warnings.map(([code, n]) => (
              <Table.Row key={`w-${code}`}>
                <Table.Cell>
                  {t("feed.warnings")}: <span className="font-mono">{code}</span>
                </Table.Cell>
                <Table.Cell className="text-right">{n}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
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
