import { Alert, Button, Input, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { CancelReasonFields } from "./cancel-reason-fields"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason, KaspiActionBody, KaspiOrderLine } from "../../lib/types"

/** The lines that still have something to cut (a line already cut to 0 stays listed by Kaspi). */
function cuttable(lines: KaspiOrderLine[]): Array<{ id: string; label: string; quantity: number }> {
  return lines
    .filter((l) => l.quantity >= 1)
    .map((l) => ({ id: l.entry_id, label: `${l.name ?? l.sku ?? l.entry_id} (${l.sku ?? "—"}) × ${l.quantity}`, quantity: l.quantity }))
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
  const [open, setOpen] = useState(false)
  const [entryId, setEntryId] = useState("")
  const [remained, setRemained] = useState("0")
  const [reason, setReason] = useState<CancelReason | "">("")
  const [notes, setNotes] = useState("")
  const line = lines.find((l) => l.id === entryId)
  const stays = Number(remained)
  const valid = Boolean(line && reason) && Number.isInteger(stays) && stays >= 0 && stays < (line?.quantity ?? 0)

  if (!lines.length) return null
  const submit = async () => {
    if (!valid || !reason) return
    const ok = await run({ action: "cancel_entry", entry_id: entryId, remained_quantity: stays, reason, ...(notes.trim() ? { notes: notes.trim() } : {}) })
    if (ok) setOpen(false)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="small" variant="secondary" disabled={Boolean(busy)} data-testid="kaspi-action-cancel_entry">
          {t("actions.cancelLine")}
        </Button>
      }
      title={t("actions.cancelLineTitle")}
      contentTestId="kaspi-cancel-line-drawer"
      error={error}
      cancelLabel={t("actions.keepLine")}
      submitLabel={t("actions.confirmCancelLine")}
      submitVariant="danger"
      submitDisabled={!valid}
      busy={busy === "cancel_entry"}
      onSubmit={submit}
      submitTestId="kaspi-confirm-cancel-line"
    >
      <Text size="small">{t("actions.cancelLineIntro")}</Text>
      <Alert variant="warning">{t("actions.cancelWarning")}</Alert>
      <Field label={t("actions.line")}>
        <Select value={entryId} onValueChange={(v) => setEntryId(v)}>
          <Select.Trigger data-testid="kaspi-cancel-line-entry">
            <Select.Value placeholder={t("actions.line")} />
          </Select.Trigger>
          <Select.Content>
            {lines.map((l) => (
              <Select.Item key={l.id} value={l.id}>
                {l.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
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
      <CancelReasonFields idPrefix="kaspi-cancel-line" reasons={reasons} reason={reason} onReason={setReason} comment={notes} onComment={setNotes} />
    </FormDrawer>
  )
}
