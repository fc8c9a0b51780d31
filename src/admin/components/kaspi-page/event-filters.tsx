import { Input } from "@medusajs/ui"
import { DateFilter } from "../common/date-filter"
import { filterFields } from "../common/filter-fields"
import { FilterSelect } from "../common/filter-select"
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

/** Type, result, Kaspi order code and dates for the account's event log. */
export function EventFilters({ value, onChange }: { value: EventFilterValues; onChange: (v: EventFilterValues) => void }) {
  const { t } = useKaspiT()
  const { set, bind } = filterFields(value, onChange)
  const typeOptions = TYPES.map((type) => ({ value: type, label: eventTitle(t, type) }))
  const resultOptions = RESULTS.map((r) => ({ value: r, label: t(`eventLog.result.${r}`) }))
  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="kaspi-event-filters">
      <FilterSelect className="w-56" testId="kaspi-event-filter-type" {...bind("type")} anyLabel={t("eventLog.anyType")} options={typeOptions} />
      <FilterSelect className="w-40" testId="kaspi-event-filter-result" {...bind("result")} anyLabel={t("eventLog.anyResult")} options={resultOptions} />
      <Input
        size="small"
        type="search"
        className="w-40"
        placeholder={t("eventLog.code")}
        value={value.kaspi_code}
        onChange={(e) => set({ kaspi_code: e.target.value.trim() })}
        data-testid="kaspi-event-filter-code"
      />
      <DateFilter label={t("eventLog.from")} {...bind("created_from")} />
      <DateFilter label={t("eventLog.to")} {...bind("created_to")} />
    </div>
  )
}
