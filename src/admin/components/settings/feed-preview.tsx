import { Badge, Button, Code, StatusBadge, Table, Text } from "@medusajs/ui"
import { Fragment, useState } from "react"
import { FeedPart } from "./feed-part"
import { DataTable } from "../common/data-table"
import { Muted } from "../common/section"
import { kaspiApi } from "../../lib/api"
import { formatTenge } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
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
  return (
    <FeedPart accountId={accountId} part="preview" load={(id) => kaspiApi.feedPreview(id, 20)}>
      {({ offers }) => (
        <div className="flex flex-col gap-y-3" data-testid="kaspi-feed-preview">
          <Text size="small" className="text-ui-fg-subtle">
            {t("preview.intro")}
          </Text>
          {offers.length === 0 ? <Muted>{t("preview.empty")}</Muted> : null}
          <DataTable
            columns={[t("preview.sku"), t("preview.model"), { label: t("preview.price"), className: "text-right" }, t("preview.availability"), t("preview.result"), {}]}
            rows={offers}
            row={(o) => (
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
            )}
          />
        </div>
      )}
    </FeedPart>
  )
}
