import { OptionSelect, type SelectOption } from "./option-select"

/** Radix keeps "" for "nothing picked" (the placeholder): "any" needs a value of its own. */
const ANY = "all"

/** A list filter: "any …" first (the empty value: no filter), then the values it can narrow to. */
export function FilterSelect<T extends string>({
  value,
  onChange,
  anyLabel,
  options,
  className,
  testId,
}: {
  value: T | ""
  onChange: (value: T | "") => void
  anyLabel: string
  options: ReadonlyArray<SelectOption<T>>
  /** The width of the filter in its row. */
  className?: string
  testId?: string
}) {
  return (
    <div className={className}>
      <OptionSelect<T | typeof ANY>
        size="small"
        value={value || ANY}
        onChange={(v) => onChange(v === ANY ? "" : (v as T))}
        options={[{ value: ANY, label: anyLabel }, ...options]}
        testId={testId}
      />
    </div>
  )
}
