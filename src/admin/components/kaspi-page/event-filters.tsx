import { Input, Select } from "@medusajs/ui"
import { useKaspiT } from "../../lib/i18n"
import { eventTitle } from "../../lib/kaspi-words"

export interface EventFilterValues {
  type: string
  result: "" | "ok" | "error" | "info"
  kaspi_code: string
  created_from: string
  created_to: string
}

export const EMPTY_EVENT_FILTERS: EventFilterValues = { type: "", result: "", kaspi_code: "", created_from: "", created_to: "" }

/** The kinds of entry a merchant looks for; any other type can still be typed in the API. */
const TYPES = [
  "import.imported",
  "import.needs_attention",
  "import.failed",
  "kaspi.status_changed",
  "action.accept",
  "action.cancel",
  "action.cancel_entry",
  "action.assemble",
  "action.complete",
  "medusa.order_edited",
  "deadline.warned",
]
const RESULTS = ["ok", "error", "info"] as const
const ALL = "all"

/** Type, result, Kaspi order code and dates for the account's event log. */
export function EventFilters({ value, onChange }: { value: EventFilterValues; onChange: (v: EventFilterValues) => void }) {
  const { t } = useKaspiT()
  const set = (patch: Partial<EventFilterValues>) => onChange({ ...value, ...patch })
  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="kaspi-event-filters">
      <div className="w-56">
        <Select size="small" value={value.type || ALL} onValueChange={(v) => set({ type: v === ALL ? "" : v })}>
          <Select.Trigger data-testid="kaspi-event-filter-type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("eventLog.anyType")}</Select.Item>
            {TYPES.map((type) => (
              <Select.Item key={type} value={type}>
                {eventTitle(t, type)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="w-40">
        <Select size="small" value={value.result || ALL} onValueChange={(v) => set({ result: v === ALL ? "" : (v as EventFilterValues["result"]) })}>
          <Select.Trigger data-testid="kaspi-event-filter-result">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("eventLog.anyResult")}</Select.Item>
            {RESULTS.map((r) => (
              <Select.Item key={r} value={r}>
                {t(`eventLog.result.${r}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Input
        size="small"
        type="search"
        className="w-40"
        placeholder={t("eventLog.code")}
        value={value.kaspi_code}
        onChange={(e) => set({ kaspi_code: e.target.value.trim() })}
        data-testid="kaspi-event-filter-code"
      />
      <Input size="small" type="date" className="w-40" aria-label={t("eventLog.from")} title={t("eventLog.from")} value={value.created_from} onChange={(e) => set({ created_from: e.target.value })} />
      <Input size="small" type="date" className="w-40" aria-label={t("eventLog.to")} title={t("eventLog.to")} value={value.created_to} onChange={(e) => set({ created_to: e.target.value })} />
    </div>
  )
}
