import { Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { useFormDrawer } from "../common/use-form-drawer"
import { kaspiApi } from "../../lib/api"
import { endOfDay, startOfDay } from "../../lib/format"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi } from "../../lib/queries"

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** Re-import a date range: starts a backfill that the job walks in ≤14-day windows in the background (409 while one runs). */
export function BackfillDrawer() {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const form = useFormDrawer()
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 30 * 24 * 3600 * 1000)))
  const [to, setTo] = useState(isoDay(new Date()))

  const submit = () =>
    form.submit(
      async () => {
        // Whole days in the user's time zone: from its first to its last millisecond.
        await kaspiApi.startBackfill({ from: startOfDay(from), to: endOfDay(to) })
        // It runs in the background (the backfill job); its progress bar is on the page.
        toast.success(t("backfills.started"))
      },
      // Refetches the latest backfill, which starts its progress polling.
      { onSettled: invalidate }
    )

  return (
    <FormDrawer
      {...form.drawer}
      trigger={{ label: t("page.backfill"), testId: "kaspi-backfill" }}
      title={t("page.backfillTitle")}
      submitLabel={t("page.runBackfill")}
      submitTestId="kaspi-backfill-run"
      contentTestId="kaspi-backfill-drawer"
      submitDisabled={!from || !to}
      onSubmit={submit}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t("page.backfillHint")}
      </Text>
      <div className="grid grid-cols-2 gap-4">
        <Field label={t("page.from")} htmlFor="kaspi-backfill-from">
          <Input id="kaspi-backfill-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t("page.to")} htmlFor="kaspi-backfill-to">
          <Input id="kaspi-backfill-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
    </FormDrawer>
  )
}
