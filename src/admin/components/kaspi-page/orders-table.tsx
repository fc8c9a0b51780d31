import { Button, Checkbox, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { FixSkuDrawer } from "./fix-sku-drawer"
import { DataTable } from "../common/data-table"
import { OrderLink } from "../common/order-link"
import { Muted } from "../common/section"
import { useToastedCall } from "../common/use-toasted-call"
import { ResolveDisagreementDrawer } from "../order/resolve-disagreement-drawer"
import { kaspiApi } from "../../lib/api"
import { formatDateTime, formatTenge } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { kaspiCabinetOrderUrl } from "../../lib/kaspi-cabinet"
import { disagreementTitle, importStatusColor, kaspiStatusColor, word } from "../../lib/kaspi-words"
import type { KaspiOrderRow } from "../../lib/types"
import { serverText } from "../../lib/server-text"

/** One page of Kaspi orders: what Kaspi says, how the import went, and the fix (retry, map a SKU) where one is needed. */
export function OrdersTable({ orders, ticked }: { orders: KaspiOrderRow[]; ticked?: { ids: string[]; toggle: (id: string) => void } }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const { busy: retrying, call } = useToastedCall()

  const retry = (o: KaspiOrderRow) =>
    call(o.id, async () => {
      const r = await kaspiApi.retry(o.id)
      toast.info(t("orders.retried", { status: t(`importStatus.${r.kaspi_order.import_status}`) }))
    })

  if (orders.length === 0) {
    return (
      <div className="px-6 py-8">
        <Muted>{t("orders.empty")}</Muted>
      </div>
    )
  }
  return (
    <DataTable
      testId="kaspi-orders-table"
      columns={[
        ...(ticked ? [{}] : []),
        t("orders.code"),
        t("orders.created"),
        t("orders.status"),
        t("orders.delivery"),
        { label: t("orders.total"), className: "text-right" },
        t("orders.import"),
        t("orders.medusaOrder"),
        {},
      ]}
      rows={orders}
      row={(o) => (
        <Table.Row key={o.id} data-testid="kaspi-order-row" data-code={o.code} data-import-status={o.import_status} data-disagrees={o.disagreement ? "true" : "false"}>
          {ticked ? (
            <Table.Cell>
              <Checkbox
                checked={ticked.ids.includes(o.id)}
                onCheckedChange={() => ticked.toggle(o.id)}
                aria-label={t("handover.tick")}
                data-testid="kaspi-order-tick"
              />
            </Table.Cell>
          ) : null}
          <Table.Cell>
            <a href={kaspiCabinetOrderUrl(o.code)} target="_blank" rel="noreferrer" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {o.code}
            </a>
          </Table.Cell>
          <Table.Cell>{formatDateTime(o.kaspi_created_at, locale)}</Table.Cell>
          <Table.Cell>
            <StatusBadge color={kaspiStatusColor(o.status)}>{word(t, "statusShort", o.status)}</StatusBadge>
          </Table.Cell>
          <Table.Cell>{word(t, "delivery", o.delivery_mode)}</Table.Cell>
          <Table.Cell className="text-right">{formatTenge(o.total_price, locale)}</Table.Cell>
          <Table.Cell className="max-w-[260px] py-2">
            <div className="flex flex-col items-start gap-y-0.5">
              <StatusBadge color={importStatusColor(o.import_status)}>{word(t, "importStatus", o.import_status)}</StatusBadge>
              {o.sync_problem ? (
                <StatusBadge color="red" data-testid="kaspi-order-sync-problem" title={o.sync_problem.reason}>
                  {t("orders.syncProblem")}
                </StatusBadge>
              ) : null}
              {o.disagreement ? (
                <StatusBadge color="red" data-testid="kaspi-order-disagrees" title={disagreementTitle(t, o.disagreement)}>
                  {t("agreement.badge")}
                </StatusBadge>
              ) : null}
              {o.import_text && o.import_status !== "imported" ? (
                // Not clamped: the quantities and the location come last, and they are what the merchant acts on.
                <Text size="xsmall" className="text-ui-fg-subtle max-w-[28rem] whitespace-normal" data-testid="kaspi-import-reason">
                  {serverText(t, o.import_text, o.import_reason)}
                </Text>
              ) : o.unmapped_skus?.length ? (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("orders.unmapped", { skus: o.unmapped_skus.join(", ") })}
                </Text>
              ) : o.import_reason && o.import_status !== "imported" ? (
                <Text size="xsmall" className="text-ui-fg-subtle line-clamp-2" title={o.import_reason} data-testid="kaspi-import-reason">
                  {o.import_reason}
                </Text>
              ) : null}
            </div>
          </Table.Cell>
          <Table.Cell>
            <OrderLink orderId={o.order_id} className="whitespace-nowrap" fallback="—">
              {t("orders.medusaOrder")} →
            </OrderLink>
          </Table.Cell>
          <Table.Cell className="text-right">
            <div className="flex justify-end gap-x-2 whitespace-nowrap">
              {o.disagreement ? <ResolveDisagreementDrawer orderRef={o.id} code={o.code} label={t("agreement.resolveShort")} /> : null}
              {o.unmapped_skus?.length && !o.order_id ? <FixSkuDrawer order={o} /> : null}
              {!o.order_id && ["needs_attention", "failed", "pending"].includes(o.import_status) ? (
                <Button size="small" variant="secondary" isLoading={retrying === o.id} onClick={() => retry(o)} data-testid="kaspi-retry">
                  {t("orders.retry")}
                </Button>
              ) : null}
            </div>
          </Table.Cell>
        </Table.Row>
      )}
    />
  )
}
