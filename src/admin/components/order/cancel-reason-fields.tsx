import { Select, Textarea } from "@medusajs/ui"
import { Field } from "../common/field"
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
  return (
    <>
      <Field label={t("actions.reason")}>
        <Select value={reason} onValueChange={(v) => onReason(v as CancelReason)}>
          <Select.Trigger data-testid={`${idPrefix}-reason`}>
            <Select.Value placeholder={t("actions.reason")} />
          </Select.Trigger>
          <Select.Content>
            {reasons.map((r) => (
              <Select.Item key={r} value={r}>
                {t(`reason.${r}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label={t("actions.comment")} htmlFor={`${idPrefix}-comment`}>
        <Textarea id={`${idPrefix}-comment`} maxLength={1000} value={comment} onChange={(e) => onComment(e.target.value)} />
      </Field>
    </>
  )
}
