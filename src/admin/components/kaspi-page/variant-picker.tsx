import { Input, Text, clx } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useKaspiT } from "../../lib/i18n"
import { useVariantSearch } from "../../lib/queries"

export interface PickedVariant {
  id: string
  label: string
}

/** Search Medusa's variants by title or SKU and pick one. */
export function VariantPicker({ initialQuery, value, onChange, testId }: { initialQuery: string; value: PickedVariant | null; onChange: (v: PickedVariant) => void; testId?: string }) {
  const { t } = useKaspiT()
  const [input, setInput] = useState(initialQuery)
  const [q, setQ] = useState(initialQuery)
  // Debounced: one request per pause in typing, not per key.
  useEffect(() => {
    const id = setTimeout(() => setQ(input.trim()), 250)
    return () => clearTimeout(id)
  }, [input])
  const { data, isFetching } = useVariantSearch(q)
  const variants = data?.variants ?? []
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <Input size="small" type="search" placeholder={t("fixSku.search")} value={input} onChange={(e) => setInput(e.target.value)} data-testid="kaspi-variant-search" />
      <div className="shadow-borders-base flex max-h-56 flex-col overflow-y-auto rounded-md" role="listbox">
        {!isFetching && variants.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted px-3 py-2">
            {t("fixSku.noVariants")}
          </Text>
        ) : null}
        {variants.map((v) => {
          const label = `${v.product?.title ?? ""}${v.title && v.title !== "Default" ? ` · ${v.title}` : ""}`
          const selected = value?.id === v.id
          return (
            <button
              key={v.id}
              type="button"
              role="option"
              aria-selected={selected}
              onClick={() => onChange({ id: v.id, label })}
              className={clx("txt-compact-small flex items-center justify-between gap-x-2 px-3 py-2 text-left hover:bg-ui-bg-base-hover", selected && "bg-ui-bg-highlight")}
              data-testid="kaspi-variant-option"
            >
              <span className="truncate">{label}</span>
              <span className="text-ui-fg-muted shrink-0">{v.sku}</span>
            </button>
          )
        })}
      </div>
    </div>
  )
}
