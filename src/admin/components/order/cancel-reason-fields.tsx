import { Textarea } from "@medusajs/ui"
import { Field } from "../common/field"
import { SelectField } from "../common/select-field"
import { useKaspiT } from "../../lib/i18n"
import type { CancelReason } from "../../lib/types"

/** A Kaspi cancellation reason (only those allowed for the order) and an optional comment, for a cancel or a line cut. */
export function CancelReasonFields({
  idPrefix,
  reasons,
  reason,
  onReason,
  comment,
  onComment,
}: {
  /** Names the fields' test ids and the comment's id: "kaspi-cancel", "kaspi-cancel-line". */
  idPrefix: string
  reasons: CancelReason[]
  reason: CancelReason | ""
  onReason: (r: CancelReason) => void
  comment: string
  onComment: (c: string) => void
}) {
  const { t } = useKaspiT()
  const reasonOptions = reasons.map((r) => ({ value: r, label: t(`reason.${r}`) }))
  return (
    <>
      <SelectField label={t("actions.reason")} value={reason} onChange={onReason} testId={`${idPrefix}-reason`} options={reasonOptions} />
      <Field label={t("actions.comment")} htmlFor={`${idPrefix}-comment`}>
        <Textarea id={`${idPrefix}-comment`} maxLength={1000} value={comment} onChange={(e) => onComment(e.target.value)} />
      </Field>
    </>
  )
}
