import { Checkbox, Input, Label } from "@medusajs/ui"
import { DateFilter } from "../common/date-filter"
import { filterFields } from "../common/filter-fields"
import { FilterSelect } from "../common/filter-select"
import { useKaspiT } from "../../lib/i18n"
import type { ImportStatus } from "../../lib/types"

export interface OrderFilterValues {
  import_status: ImportStatus | ""
  state: string
  q: string
  created_from: string
  created_to: string
  /** "true": only orders where Medusa and Kaspi disagree (kaspi_order.disagreement). */
  disagrees: "" | "true"
}

export const EMPTY_FILTERS: OrderFilterValues = { import_status: "", state: "", q: "", created_from: "", created_to: "", disagrees: "" }

const IMPORT_STATUSES: ImportStatus[] = ["needs_attention", "failed", "pending", "imported", "ignored"]
const STATES = ["NEW", "SIGN_REQUIRED", "PICKUP", "DELIVERY", "KASPI_DELIVERY", "ARCHIVE"]

/** Import status (with counts), Kaspi tab, code search, creation dates, and the orders where Medusa and Kaspi disagree. */
export function OrderFilters({
  value,
  counts,
  onChange,
}: {
  value: OrderFilterValues
  counts: Partial<Record<ImportStatus, number>>
  onChange: (v: OrderFilterValues) => void
}) {
  const { t } = useKaspiT()
  const { set, bind } = filterFields(value, onChange)
  const statusOptions = IMPORT_STATUSES.map((s) => ({
    value: s,
    label: (
      <>
        {t(`importStatus.${s}`)}
        {counts[s] !== undefined ? ` (${counts[s]})` : ""}
      </>
    ),
  }))
  const stateOptions = STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))
  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="kaspi-order-filters">
      <FilterSelect className="w-56" testId="kaspi-filter-import-status" {...bind("import_status")} anyLabel={t("orders.all")} options={statusOptions} />
      <FilterSelect className="w-48" {...bind("state")} anyLabel={t("orders.anyState")} options={stateOptions} />
      <Input size="small" type="search" className="w-40" placeholder={t("orders.search")} value={value.q} onChange={(e) => set({ q: e.target.value.trim() })} data-testid="kaspi-filter-code" />
      <DateFilter label={t("orders.createdFrom")} {...bind("created_from")} />
      <DateFilter label={t("orders.createdTo")} {...bind("created_to")} />
      <div className="flex items-center gap-x-2">
        <Checkbox
          id="kaspi-filter-disagrees"
          data-testid="kaspi-filter-disagrees"
          checked={value.disagrees === "true"}
          onCheckedChange={(c) => set({ disagrees: c === true ? "true" : "" })}
        />
        <Label size="small" htmlFor="kaspi-filter-disagrees">
          {t("agreement.filter")}
        </Label>
      </div>
    </div>
  )
}
