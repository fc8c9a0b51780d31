import { Checkbox, Input, Label, Select } from "@medusajs/ui"
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
const ALL = "all"

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
  const set = (patch: Partial<OrderFilterValues>) => onChange({ ...value, ...patch })
  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="kaspi-order-filters">
      <div className="w-56">
        <Select size="small" value={value.import_status || ALL} onValueChange={(v) => set({ import_status: v === ALL ? "" : (v as ImportStatus) })}>
          <Select.Trigger data-testid="kaspi-filter-import-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("orders.all")}</Select.Item>
            {IMPORT_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`importStatus.${s}`)}
                {counts[s] !== undefined ? ` (${counts[s]})` : ""}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="w-48">
        <Select size="small" value={value.state || ALL} onValueChange={(v) => set({ state: v === ALL ? "" : v })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("orders.anyState")}</Select.Item>
            {STATES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`state.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <Input size="small" type="search" className="w-40" placeholder={t("orders.search")} value={value.q} onChange={(e) => set({ q: e.target.value.trim() })} data-testid="kaspi-filter-code" />
      <Input size="small" type="date" className="w-40" aria-label={t("orders.createdFrom")} title={t("orders.createdFrom")} value={value.created_from} onChange={(e) => set({ created_from: e.target.value })} />
      <Input size="small" type="date" className="w-40" aria-label={t("orders.createdTo")} title={t("orders.createdTo")} value={value.created_to} onChange={(e) => set({ created_to: e.target.value })} />
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
