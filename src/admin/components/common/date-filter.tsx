import { Input } from "@medusajs/ui"

/** A day in a list's filter row; its label is the tooltip and the accessible name, as a filter row has no room for one. */
export function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (day: string) => void }) {
  return <Input size="small" type="date" className="w-40" aria-label={label} title={label} value={value} onChange={(e) => onChange(e.target.value)} />
}
