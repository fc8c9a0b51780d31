import { Badge, Button, Code, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Fragment, useState } from "react"
import { InlineError } from "../common/section"
import { errorMessage, kaspiApi } from "../../lib/api"
import { formatTenge } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { kaspiKeys } from "../../lib/queries"
import type { FeedPreviewEntry } from "../../lib/types"

const COLOR = { ok: "green", skipped: "orange", excluded: "grey" } as const

function Availability({ entry }: { entry: FeedPreviewEntry }) {
  const list = entry.offer?.availabilities ?? []
  if (!list.length) return <span className="text-ui-fg-muted">—</span>
  return (
    <div className="flex flex-wrap gap-1">
      {list.map((a) => (
        <Badge key={a.storeId} size="2xsmall" color={a.available === "yes" ? "green" : "grey"}>
          {a.storeId}: {a.available}
          {a.stockCount !== undefined ? ` · ${a.stockCount}` : ""}
          {a.preOrder ? ` · ${a.preOrder}d` : ""}
        </Badge>
      ))}
    </div>
  )
}

/** The first offers as the next build would write them (a dry run on live data, nothing published). */
export function FeedPreview({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const [xmlOf, setXmlOf] = useState<string | null>(null)
  const { data, error, isLoading } = useQuery({ queryKey: kaspiKeys.feedPart(accountId, "preview"), queryFn: () => kaspiApi.feedPreview(accountId, 20) })
  if (error) return <InlineError>{errorMessage(error)}</InlineError>
  if (isLoading) return <Text size="small">{t("common.loading")}</Text>
  const offers = data?.offers ?? []
  return (
    <div className="flex flex-col gap-y-3" data-testid="kaspi-feed-preview">
      <Text size="small" className="text-ui-fg-subtle">
        {t("preview.intro")}
      </Text>
      {offers.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("preview.empty")}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("preview.sku")}</Table.HeaderCell>
              <Table.HeaderCell>{t("preview.model")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("preview.price")}</Table.HeaderCell>
              <Table.HeaderCell>{t("preview.availability")}</Table.HeaderCell>
              <Table.HeaderCell>{t("preview.result")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {offers.map((o) => (
              <Fragment key={o.variant_id}>
                <Table.Row data-testid="kaspi-preview-row" data-sku={o.sku ?? ""} data-status={o.status}>
                  <Table.Cell className="font-mono">{o.sku ?? "—"}</Table.Cell>
                  <Table.Cell className="max-w-[280px] truncate">{o.offer?.model ?? "—"}</Table.Cell>
                  <Table.Cell className="text-right">{o.offer?.price !== undefined ? formatTenge(o.offer.price, locale) : o.offer?.cityprices?.length ? `${o.offer.cityprices.length} cities` : "—"}</Table.Cell>
                  <Table.Cell>
                    <Availability entry={o} />
                  </Table.Cell>
                  <Table.Cell className="max-w-[280px] py-2">
                    <div className="flex flex-col items-start gap-y-0.5">
                      <StatusBadge color={COLOR[o.status]}>{t(`preview.${o.status}`)}</StatusBadge>
                      {o.issue || o.excluded_reason ? (
                        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="kaspi-preview-issue">
                          {o.issue?.message ?? o.excluded_reason}
                        </Text>
                      ) : null}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {o.xml ? (
                      <Button size="small" variant="transparent" onClick={() => setXmlOf(xmlOf === o.variant_id ? null : o.variant_id)}>
                        {t("preview.showXml")}
                      </Button>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
                {xmlOf === o.variant_id && o.xml ? (
                  <tr>
                    <td colSpan={6} className="px-6 py-2">
                      <Code className="block whitespace-pre-wrap break-all">{o.xml}</Code>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}
