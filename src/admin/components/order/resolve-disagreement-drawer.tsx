import { Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { useFormDrawer } from "../common/use-form-drawer"
import { useKaspiT } from "../../lib/i18n"
import { useResolveDisagreement } from "../../lib/queries"

const NOTE_MAX = 1000

/**
 * "Mark resolved" for an order where Medusa and Kaspi disagree, on the order
 * widget and the Kaspi page alike: the server reads Kaspi again, clears the
 * flag and keeps the note in the order's history. `orderRef`: kord_ id,
 * Medusa order id or Kaspi code.
 */
export function ResolveDisagreementDrawer({ orderRef, code, label }: { orderRef: string; code: string; label?: string }) {
  const { t } = useKaspiT()
  const resolve = useResolveDisagreement(orderRef)
  const form = useFormDrawer()
  const [note, setNote] = useState("")

  const submit = () =>
    form.submit(async () => {
      await resolve.mutateAsync(note.trim() ? { note: note.trim() } : {})
      toast.success(t("agreement.resolved"))
      setNote("")
    })

  return (
    <FormDrawer
      {...form.drawer}
      onOpenChange={(o) => {
        form.setOpen(o)
        if (o) form.setError(null)
      }}
      trigger={{ label: label ?? t("agreement.resolve"), testId: "kaspi-resolve" }}
      title={t("agreement.resolveTitle")}
      contentTestId="kaspi-resolve-drawer"
      submitLabel={t("agreement.confirm")}
      onSubmit={submit}
      submitTestId="kaspi-confirm-resolve"
    >
      <Text size="small">{t("agreement.resolveIntro", { code })}</Text>
      <Field label={t("agreement.note")} htmlFor="kaspi-resolve-note">
        <Textarea
          id="kaspi-resolve-note"
          data-testid="kaspi-resolve-note"
          maxLength={NOTE_MAX}
          placeholder={t("agreement.notePlaceholder")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
    </FormDrawer>
  )
}
