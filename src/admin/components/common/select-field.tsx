import { Field } from "./field"
import { OptionSelect, type SelectOption } from "./option-select"

/** A labelled select that shows its label inside until something is picked. */
export function SelectField<T extends string>({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string
  value: T | ""
  onChange: (value: T) => void
  options: ReadonlyArray<SelectOption<T>>
  testId?: string
}) {
  return (
    <Field label={label}>
      <OptionSelect value={value} onChange={onChange} placeholder={label} testId={testId} options={options} />
    </Field>
  )
}
