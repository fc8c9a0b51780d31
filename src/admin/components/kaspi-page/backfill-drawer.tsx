import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { InlineError } from "../common/section"
import { errorMessage, kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi } from "../../lib/queries"

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** Re-import a date range (Kaspi lists orders in ≤14-day windows; the API walks them). */
export function BackfillDrawer() {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const [open, setOpen] = useState(false)
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 30 * 24 * 3600 * 1000)))
  const [to, setTo] = useState(isoDay(new Date()))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      // Whole days in the user's time zone: from its first to its last millisecond.
      const r = await kaspiApi.backfill(new Date(`${from}T00:00:00`).toISOString(), new Date(`${to}T23:59:59.999`).toISOString())
      const s = r.stats ?? {}
      toast.success(t("page.backfillDone", { seen: s.seen ?? 0, imported: s.imported ?? 0 }))
      setOpen(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
      await invalidate()
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="kaspi-backfill">
          {t("page.backfill")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("page.backfillTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("page.backfillHint")}
          </Text>
          <div className="grid grid-cols-2 gap-4">
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="kaspi-backfill-from">
                {t("page.from")}
              </Label>
              <Input id="kaspi-backfill-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="kaspi-backfill-to">
                {t("page.to")}
              </Label>
              <Input id="kaspi-backfill-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
            </div>
          </div>
          <InlineError>{error}</InlineError>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" disabled={!from || !to} isLoading={busy} onClick={submit}>
            {t("page.runBackfill")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
