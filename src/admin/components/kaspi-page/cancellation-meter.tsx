import { Text, clx } from "@medusajs/ui"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatPercent } from "../../lib/format"
import type { CancellationShare } from "../../lib/types"

/** The scale ends at twice the penalty threshold, so 3% and 5% sit at readable places. */
const SCALE = 0.1

/** The 30-day cancellation share on a bar with Kaspi's 3% warning and 5% penalty marks. */
export function CancellationMeter({ c }: { c: CancellationShare }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const at = (share: number) => `${Math.min(100, (share / SCALE) * 100)}%`
  const color = { ok: "bg-ui-tag-green-icon", warning: "bg-ui-tag-orange-icon", penalty: "bg-ui-tag-red-icon" }[c.level]
  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-cancellation-meter" data-level={c.level}>
      <div className="flex items-baseline gap-x-2">
        <Text size="xlarge" weight="plus" className={clx({ "text-ui-fg-error": c.level === "penalty" })}>
          {formatPercent(c.share, locale)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("overview.cancellationsDetail", { cancelled: c.cancelled, total: c.total, merchant: c.merchant, kaspi: c.kaspi })}
        </Text>
      </div>
      <div className="bg-ui-bg-component relative h-2 w-full overflow-hidden rounded-full" aria-hidden>
        <div className={clx("h-full rounded-full", color)} style={{ width: at(c.share) }} />
        <div className="bg-ui-tag-orange-border absolute inset-y-0 w-px" style={{ left: at(c.warning_share) }} />
        <div className="bg-ui-tag-red-border absolute inset-y-0 w-px" style={{ left: at(c.penalty_share) }} />
      </div>
      <div className="relative h-4">
        <Text size="xsmall" className="text-ui-fg-muted absolute -translate-x-1/2" style={{ left: at(c.warning_share) }}>
          {formatPercent(c.warning_share, locale)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted absolute -translate-x-1/2" style={{ left: at(c.penalty_share) }}>
          {formatPercent(c.penalty_share, locale)}
        </Text>
      </div>
      <Text size="xsmall" className={clx(c.level === "ok" ? "text-ui-fg-subtle" : "text-ui-fg-error")}>
        {t(`overview.level_${c.level}`)}
      </Text>
    </div>
  )
}
