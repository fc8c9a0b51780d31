import { Badge } from "@medusajs/ui"
import { ArrowUpRightOnBox, DocumentText } from "@medusajs/icons"
import { FactRow } from "../common/section"
import { DeadlineBadge } from "../common/deadline-badge"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatDateTime, formatTenge } from "../../lib/format"
import { kaspiCabinetOrderUrl } from "../../lib/kaspi-cabinet"
import { stageKey, word } from "../../lib/kaspi-words"
import type { KaspiOrderDetail } from "../../lib/types"

/** What Kaspi says about the order, in plain words: code, tab, status, delivery, dates, flags, waybill. */
export function OrderFacts({ order }: { order: KaspiOrderDetail }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const handedOver = Boolean(order.courier_handed_at)
  const stage = stageKey(order, handedOver)
  const flags = [order.pre_order && t("widget.preOrder"), order.signature_required && t("widget.signatureRequired")].filter(Boolean)

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="kaspi-order-facts">
      <FactRow label={t("widget.code")}>
        <a
          href={kaspiCabinetOrderUrl(order.code)}
          target="_blank"
          rel="noreferrer"
          title={t("widget.openInKaspi")}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1 font-medium"
          data-testid="kaspi-code-link"
        >
          {order.code}
          <ArrowUpRightOnBox />
        </a>
      </FactRow>
      {stage ? (
        <FactRow label={t("widget.nextStep")} testId="kaspi-stage">
          {t(stage)}
        </FactRow>
      ) : null}
      {order.deadline ? (
        <FactRow label={t("widget.deadline")}>
          <span className="inline-flex flex-col gap-y-0.5">
            <DeadlineBadge deadline={order.deadline} />
            <span className="text-ui-fg-subtle txt-compact-small">{formatDateTime(order.deadline.due_at, locale)}</span>
          </span>
        </FactRow>
      ) : null}
      <FactRow label={t("widget.state")}>{word(t, "state", order.state)}</FactRow>
      <FactRow label={t("widget.delivery")}>
        {word(t, "delivery", order.delivery_mode)}
        {order.is_kaspi_delivery && order.delivery_mode !== "DELIVERY_REGIONAL_TODOOR" && order.delivery_mode !== "DELIVERY_REGIONAL_PICKUP"
          ? ` · ${t("delivery.kaspiDelivery")}`
          : ""}
      </FactRow>
      {order.planned_delivery_at ? <FactRow label={t("widget.plannedDelivery")}>{formatDateTime(order.planned_delivery_at, locale)}</FactRow> : null}
      {order.courier_planned_at || order.courier_handed_at ? (
        <FactRow label={t("widget.handover")} testId="kaspi-handover">
          {order.courier_handed_at
            ? t("widget.handedOver", { date: formatDateTime(order.courier_handed_at, locale) })
            : t("widget.handoverPlanned", { date: formatDateTime(order.courier_planned_at, locale) })}
        </FactRow>
      ) : null}
      {flags.length ? (
        <FactRow label={t("widget.flags")}>
          <div className="flex flex-wrap gap-1">
            {flags.map((f) => (
              <Badge key={String(f)} size="2xsmall" color="orange">
                {f}
              </Badge>
            ))}
          </div>
        </FactRow>
      ) : null}
      {order.is_kaspi_delivery && (order.assembled || order.waybill_url) ? (
        <FactRow label={t("widget.waybill")}>
          {order.waybill_url ? (
            <a
              href={order.waybill_url}
              target="_blank"
              rel="noreferrer"
              download
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-1"
              data-testid="kaspi-waybill-link"
            >
              <DocumentText />
              {t("widget.downloadWaybill")}
            </a>
          ) : (
            <span className="text-ui-fg-muted">{t("widget.waybillPending")}</span>
          )}
        </FactRow>
      ) : null}
      {order.cancellation_reason ? <FactRow label={t("widget.cancellationReason")}>{word(t, "reason", order.cancellation_reason)}</FactRow> : null}
      <FactRow label={t("widget.total")}>{formatTenge(order.total_price, locale)}</FactRow>
    </div>
  )
}
