import { Button, Input, Text, clx } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { cardsApi } from "../../lib/cards-api"
import { cardKeys, useCardCategories } from "../../lib/cards-queries"
import { useKaspiT } from "../../lib/i18n"
import { InlineError, Muted } from "../common/section"
import { errorMessage } from "../../lib/api"

/**
 * Kaspi's leaf categories, searched on the server (about 4,300 of them: API.md
 * a.14) from the plugin's cached copy; "Refresh" reads Kaspi's list again.
 */
export function CategoryPicker({ value, onChange }: { value: string | null; onChange: (code: string) => void }) {
  const { t } = useKaspiT()
  const [q, setQ] = useState("")
  const [refreshing, setRefreshing] = useState(false)
  const client = useQueryClient()
  const categories = useCardCategories(q.trim())

  const refresh = async () => {
    setRefreshing(true)
    try {
      client.setQueryData(cardKeys.categories(q.trim()), await cardsApi.categories(q.trim(), true))
      await client.invalidateQueries({ queryKey: ["kaspi", "cards", "categories"] })
    } finally {
      setRefreshing(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          type="search"
          placeholder={t("cards.searchCategory")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="kaspi-card-category-search"
        />
        <Button size="small" variant="secondary" onClick={refresh} isLoading={refreshing} data-testid="kaspi-card-categories-refresh">
          {t("cards.refresh")}
        </Button>
      </div>
      {categories.isError ? <InlineError>{errorMessage(categories.error)}</InlineError> : null}
      <div className="flex max-h-48 flex-col overflow-y-auto rounded-md border" data-testid="kaspi-card-categories">
        {(categories.data?.categories ?? []).map((c) => (
          <button
            key={c.code}
            type="button"
            onClick={() => onChange(c.code)}
            className={clx("txt-compact-small px-3 py-1.5 text-left hover:bg-ui-bg-base-hover", c.code === value && "bg-ui-bg-highlight")}
            data-testid="kaspi-card-category"
            data-code={c.code}
          >
            <Text size="small">{c.title ?? c.code}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {c.code}
            </Text>
          </button>
        ))}
        {categories.data && !categories.data.categories.length ? <div className="px-3 py-2"><Muted>{t("cards.noCategory")}</Muted></div> : null}
      </div>
    </div>
  )
}
