import { Select } from "@medusajs/ui"
import type { ReactNode } from "react"

export interface SelectOption<T extends string = string> {
  value: T
  label: ReactNode
}

/** A Medusa select over a known list of options, each shown in its own words. */
export function OptionSelect<T extends string>({
  value,
  onChange,
  options,
  placeholder,
  size,
  id,
  testId,
}: {
  /** "" or undefined shows the placeholder. */
  value: T | "" | undefined
  onChange: (value: T) => void
  options: ReadonlyArray<SelectOption<T>>
  placeholder?: string
  size?: "base" | "small"
  /** The trigger's id, for a label's htmlFor. */
  id?: string
  testId?: string
}) {
  return (
    <Select size={size} value={value} onValueChange={(v) => onChange(v as T)}>
      <Select.Trigger id={id} data-testid={testId}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
