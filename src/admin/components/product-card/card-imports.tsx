import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { cardsApi } from "../../lib/cards-api"
import type { CardImport, CardImportStatus } from "../../lib/cards-types"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { FactRow, Muted } from "../common/section"

const COLOR: Record<CardImportStatus, "green" | "red" | "orange" | "grey" | "blue"> = {
  sending: "blue",
  uploaded: "blue",
  finished: "green",
  aborted: "red",
  send_failed: "red",
  unknown: "orange",
}

/** "Refresh" on an import still with Kaspi: asks Kaspi now instead of at the job's next run. */
function RefreshImport({ id }: { id: string }) {
  const { t } = useKaspiT()
  const client = useQueryClient()
  const [busy, setBusy] = useState(false)
  const refresh = async () => {
    setBusy(true)
    try {
      await cardsApi.refreshImport(id)
      await client.invalidateQueries({ queryKey: ["kaspi", "cards"] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="transparent" onClick={refresh} isLoading={busy} data-testid="kaspi-card-import-refresh">
      {t("cards.refreshImport")}
    </Button>
  )
}

/** The product's imports, newest first: Kaspi's status, its counts and what it said about each SKU. */
export function CardImports({ imports }: { imports: CardImport[] }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  if (!imports.length) return <Muted>{t("cards.noImports")}</Muted>
  return (
    <div className="flex flex-col gap-y-3" data-testid="kaspi-card-imports">
      {imports.map((i) => (
        <div key={i.id} className="flex flex-col gap-y-1" data-testid="kaspi-card-import" data-status={i.status}>
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              {i.import_code ?? t("cards.noImportCode")}
            </Text>
            <div className="flex items-center gap-x-2">
              {(i.status === "uploaded" || i.status === "unknown") && i.import_code && !i.error ? <RefreshImport id={i.id} /> : null}
              <StatusBadge color={COLOR[i.status] ?? "grey"}>{t(`cards.importStatus.${i.status}`)}</StatusBadge>
            </div>
          </div>
          <FactRow label={t("cards.sentAt")}>{i.sent_at ? formatDateTime(i.sent_at, locale) : "—"}</FactRow>
          {i.total !== null ? (
            <FactRow label={t("cards.counts")}>{t("cards.countsValue", { total: i.total, errors: i.errors ?? 0, warnings: i.warnings ?? 0, skipped: i.skipped ?? 0 })}</FactRow>
          ) : null}
          {i.description || i.error ? (
            <Text size="xsmall" className="text-ui-fg-error" data-testid="kaspi-card-import-said">
              {i.description ?? i.error}
            </Text>
          ) : null}
          {Object.entries(i.result ?? {}).map(([sku, r]) => (
            <Text key={sku} size="xsmall" className={r.outcome === "error" ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="kaspi-card-sku-result">
              {sku}: {t(`cards.outcome.${r.outcome}`, { defaultValue: r.state ?? r.outcome })}
              {r.messages.length ? ` — ${r.messages.join("; ")}` : ""}
            </Text>
          ))}
        </div>
      ))}
    </div>
  )
}
