import { Input } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { SelectField } from "../common/select-field"
import { CancelDrawer } from "./cancel-drawer"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason, KaspiActionBody, KaspiOrderLine } from "../../lib/types"

/** The lines that still have something to cut (a line already cut to 0 stays listed by Kaspi), as the options of a select. */
function cuttable(lines: KaspiOrderLine[]): Array<{ value: string; label: string; quantity: number }> {
  return lines
    .filter((l) => l.quantity >= 1)
    .map((l) => ({ value: l.entry_id, label: `${l.name ?? l.sku ?? l.entry_id} (${l.sku ?? "—"}) × ${l.quantity}`, quantity: l.quantity }))
}

/**
 * A partial cancel (API.md a.12): one line, the quantity that stays (0 cuts
 * the line off) and a Kaspi reason. Kaspi recalculates the order; Medusa's
 * order follows through an order edit once Kaspi took it.
 */
export function CancelLineDrawer({
  orderLines,
  reasons,
  busy,
  error,
  run,
}: {
  orderLines: KaspiOrderLine[]
  reasons: CancelReason[]
  busy?: string
  error?: string | null
  run: (body: KaspiActionBody) => Promise<boolean>
}) {
  const { t } = useKaspiT()
  const lines = cuttable(orderLines)
  const [entryId, setEntryId] = useState("")
  const [remained, setRemained] = useState("0")
  const line = lines.find((l) => l.value === entryId)
  const stays = Number(remained)
  const ready = Boolean(line) && Number.isInteger(stays) && stays >= 0 && stays < (line?.quantity ?? 0)

  if (!lines.length) return null
  return (
    <CancelDrawer
      action="cancel_entry"
      intro={t("actions.cancelLineIntro")}
      reasons={reasons}
      ready={ready}
      busy={busy}
      error={error}
      onConfirm={(reason, notes) => run({ action: "cancel_entry", entry_id: entryId, remained_quantity: stays, reason, ...(notes ? { notes } : {}) })}
    >
      <SelectField label={t("actions.line")} value={entryId} onChange={setEntryId} testId="kaspi-cancel-line-entry" options={lines} />
      <Field label={t("actions.remained")} hint={line ? t("actions.remainedHint", { max: line.quantity - 1 }) : undefined} htmlFor="kaspi-cancel-line-remained">
        <Input
          id="kaspi-cancel-line-remained"
          type="number"
          min={0}
          max={line ? line.quantity - 1 : undefined}
          value={remained}
          onChange={(e) => setRemained(e.target.value)}
          data-testid="kaspi-cancel-line-remained"
        />
      </Field>
    </CancelDrawer>
  )
}
