import { Button, Container, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { OptionSelect } from "../common/option-select"
import { InlineError, SectionHeader } from "../common/section"
import { useSubmit } from "../common/use-submit"
import { kaspiApi } from "../../lib/api"
import { useKaspiT, useLocale } from "../../lib/i18n"
import type { AdminKaspiHandoverResponse, HandoverLayout, Jsonified } from "../../../types"

const LAYOUTS: HandoverLayout[] = ["a4-1", "a4-4", "thermal-80"]
/** The user's today: the day the merchant hands parcels over. */
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10)

/**
 * The day's hand-over to Kaspi's courier in one print: the orders ticked in
 * the list, or else those planned for the chosen day. The PDF opens in a new
 * tab; orders that could not be printed stay listed here with the reason.
 */
export function HandoverSection({ selectedIds, onPrinted }: { selectedIds: string[]; onPrinted: () => void }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const [date, setDate] = useState(today)
  const [layout, setLayout] = useState<HandoverLayout>("a4-1")
  const [result, setResult] = useState<Jsonified<AdminKaspiHandoverResponse>["handover"] | null>(null)
  const { run, busy, error } = useSubmit()
  // Opened before the request: a tab opened after an await is blocked as a pop-up.
  const print = () =>
    run(async () => {
      const tab = window.open("", "_blank")
      const language = locale.startsWith("ru") ? ("ru" as const) : ("en" as const)
      const body = selectedIds.length ? { kaspi_order_ids: selectedIds, layout, language } : { date, layout, language }
      try {
        const { handover } = await kaspiApi.printHandover(body)
        setResult(handover)
        if (tab) tab.location.href = handover.file_url
        onPrinted()
      } catch (e) {
        tab?.close()
        throw e
      }
    })

  return (
    <Container className="divide-y p-0" data-testid="kaspi-handover">
      <SectionHeader title={t("handover.title")} subtitle={t("handover.subtitle")} />
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        {selectedIds.length ? (
          <Text size="small">{t("handover.ticked", { count: selectedIds.length })}</Text>
        ) : (
          <Field label={t("handover.date")} htmlFor="kaspi-handover-date">
            <Input id="kaspi-handover-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        )}
        <Field label={t("handover.layout")} htmlFor="kaspi-handover-layout">
          <OptionSelect
            value={layout}
            onChange={setLayout}
            id="kaspi-handover-layout"
            testId="kaspi-handover-layout"
            options={LAYOUTS.map((l) => ({ value: l, label: t(`handover.layouts.${l}`) }))}
          />
        </Field>
        <Button size="small" isLoading={busy} disabled={!selectedIds.length && !date} onClick={print} data-testid="kaspi-handover-print">
          {t("handover.print")}
        </Button>
      </div>
      {error ? <InlineError className="px-6 py-4">{error}</InlineError> : null}
      {result ? (
        <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="kaspi-handover-result">
          <Text size="small">
            {t("handover.printed", { count: result.printed.length, pages: result.pages })}{" "}
            <a href={result.file_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
              {t("handover.open")}
            </a>
          </Text>
          {result.left_out.length ? <Text size="small" weight="plus">{t("handover.leftOut")}</Text> : null}
          {result.left_out.map((l) => (
            <Text key={l.kaspi_order_id} size="small" className="text-ui-fg-subtle" data-testid="kaspi-handover-left-out">
              {l.code} — {t(`handover.reasons.${l.reason}`)}
            </Text>
          ))}
        </div>
      ) : null}
    </Container>
  )
}
