import { Alert } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import type { KaspiOrderRow } from "../../lib/types"

/**
 * Kaspi's latest answer about this order could not be read, so the order no
 * longer follows Kaspi: say it where the merchant looks, never in silence.
 */
export function SyncProblemNotice({ problem }: { problem: KaspiOrderRow["sync_problem"] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  if (!problem) return null
  return (
    <div className="px-6 py-4" data-testid="kaspi-sync-problem">
      <Alert variant="warning">
        {t("widget.syncProblem", { since: formatDateTime(problem.at, locale) })}
        <code className="txt-compact-xsmall mt-1 block break-words">{problem.reason}</code>
      </Alert>
    </div>
  )
}
