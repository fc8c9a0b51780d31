import { Button, Container, StatusBadge, Text, toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import type { Jsonified, KaspiBackfillStatus, KaspiBackfillView } from "../../../types"
import { useToastedCall } from "../common/use-toasted-call"
import { kaspiApi } from "../../lib/api"
import { formatDate, formatPercent } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { useInvalidateKaspi, useLatestKaspiBackfill } from "../../lib/queries"

type Backfill = Jsonified<KaspiBackfillView>

const STATUS_COLOR: Record<KaspiBackfillStatus, "green" | "orange" | "red" | "grey" | "blue"> = {
  running: "blue",
  cancelling: "orange",
  cancelled: "grey",
  done: "green",
  failed: "red",
}

const isActive = (b: Backfill | null | undefined) => b?.status === "running" || b?.status === "cancelling"

/**
 * The latest backfill on the Kaspi page: a progress bar over its 13-day
 * windows, what it found so far, and Cancel while it runs. It re-reads itself
 * while running (useLatestKaspiBackfill) and refreshes the orders once it ends.
 * (@medusajs/ui has no progress bar: a plain one with role="progressbar".)
 */
export function BackfillProgress() {
  const { t } = useKaspiT()
  const locale = useLocale()
  const invalidate = useInvalidateKaspi()
  const { data: backfill } = useLatestKaspiBackfill()
  const { busy, call } = useToastedCall<"cancel">()
  const wasActive = useRef(false)

  // The orders it imported appear in the list once it has ended.
  useEffect(() => {
    if (wasActive.current && backfill && !isActive(backfill)) void invalidate()
    wasActive.current = isActive(backfill)
  }, [backfill, invalidate])

  if (!backfill) return null
  const percent = Math.round(backfill.progress * 100)
  const cancel = () =>
    call("cancel", async () => {
      const r = await kaspiApi.cancelBackfill(backfill.id)
      if (r.backfill.status === "cancelled") toast.success(t("backfills.cancelled"))
    })

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="kaspi-backfill-progress" data-status={backfill.status}>
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus">
            {t("backfills.title", { from: formatDate(backfill.from, locale), to: formatDate(backfill.to, locale) })}
          </Text>
          <StatusBadge color={STATUS_COLOR[backfill.status]} data-testid="kaspi-backfill-status">
            {t(`backfills.status.${backfill.status}`)}
          </StatusBadge>
        </div>
        {backfill.status === "running" ? (
          <Button size="small" variant="secondary" isLoading={busy === "cancel"} onClick={cancel} data-testid="kaspi-backfill-cancel">
            {t("backfills.cancel")}
          </Button>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="bg-ui-border-base h-2 w-full overflow-hidden rounded-full"
        data-testid="kaspi-backfill-bar"
      >
        <div className="bg-ui-fg-interactive h-full transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <div className="flex flex-wrap justify-between gap-x-4">
        <Text size="small" className="text-ui-fg-subtle">
          {formatPercent(backfill.progress, locale)} · {t("backfills.windows", { done: backfill.windows_done, total: backfill.windows_total })}
        </Text>
        <Text size="small" className="text-ui-fg-subtle" data-testid="kaspi-backfill-counts">
          {t("backfills.counts", {
            seen: backfill.orders_seen,
            imported: backfill.orders_imported,
            needsAttention: backfill.orders_needs_attention,
            failed: backfill.orders_failed,
          })}
        </Text>
      </div>
      {backfill.error ? (
        <Text size="small" className="text-ui-fg-error">
          {backfill.status === "failed" ? backfill.error : t("backfills.lastError", { message: backfill.error })}
        </Text>
      ) : null}
    </Container>
  )
}
