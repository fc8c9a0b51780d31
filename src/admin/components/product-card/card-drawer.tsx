import { Button, Heading, Text, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import type { KaspiAttributeSource } from "../../../types"
import { errorMessage } from "../../lib/api"
import { cardsApi } from "../../lib/cards-api"
import { useCardAttributes, useCardMapping } from "../../lib/cards-queries"
import type { CardPreview } from "../../lib/cards-types"
import { useKaspiT } from "../../lib/i18n"
import { FormDrawer } from "../common/form-drawer"
import { InlineError, Muted } from "../common/section"
import { useFormDrawer } from "../common/use-form-drawer"
import { useSubmit } from "../common/use-submit"
import { AttributeField } from "./attribute-field"
import { CardCheck } from "./card-check"
import { CategoryPicker } from "./category-picker"

/**
 * The Kaspi card form for one or several products of one category: the leaf
 * category, where each of its attributes comes from (saved per category, so
 * the next product of the category starts filled in), the schema check, and
 * the send. Price and stock are not here: they stay in the price list.
 */
export function CardDrawer({
  productIds,
  initialCategory,
  trigger,
  onSent,
}: {
  productIds: string[]
  initialCategory?: string | null
  trigger: { label: string; testId: string }
  onSent?: () => void
}) {
  const { t } = useKaspiT()
  const client = useQueryClient()
  const form = useFormDrawer()
  const { open } = form
  const [category, setCategory] = useState<string | null>(initialCategory ?? null)
  const [sources, setSources] = useState<Record<string, KaspiAttributeSource>>({})
  const [checked, setChecked] = useState<CardPreview[] | null>(null)
  const attributes = useCardAttributes(open ? category : null)
  const mapping = useCardMapping(open ? category : null)
  const check = useSubmit()

  // A category's saved mapping fills the form when the category is chosen.
  useEffect(() => {
    setSources(mapping.data?.sources ?? {})
    setChecked(null)
  }, [category, mapping.data])

  // Mandatory attributes first, then Kaspi's order.
  const ordered = useMemo(
    () => [...(attributes.data?.attributes ?? [])].sort((a, b) => Number(b.mandatory) - Number(a.mandatory)),
    [attributes.data]
  )
  const body = () => ({ product_ids: productIds, category: category!, sources })
  const setSource = (code: string, s: KaspiAttributeSource | undefined) => {
    setChecked(null)
    setSources((prev) => {
      const next = { ...prev }
      if (s) next[code] = s
      else delete next[code]
      return next
    })
  }

  const runCheck = () => check.run(async () => setChecked((await cardsApi.preview(body())).cards))
  const submit = () =>
    form.submit(async () => {
      await cardsApi.saveMapping(category!, sources)
      const answer = await cardsApi.send(body())
      toast.success(answer.import ? t("cards.sent", { count: answer.sent.length }) : t("cards.nothingToSend"))
      await client.invalidateQueries({ queryKey: ["kaspi", "cards"] })
      onSent?.()
    })

  return (
    <FormDrawer
      {...form.drawer}
      trigger={trigger}
      title={productIds.length > 1 ? t("cards.formTitleMany", { count: productIds.length }) : t("cards.formTitle")}
      contentTestId="kaspi-card-drawer"
      bodyClassName="flex flex-col gap-y-4 overflow-y-auto"
      cancelLabel={t("cards.close")}
      submitLabel={t("cards.send")}
      submitDisabled={!category || !productIds.length}
      onSubmit={submit}
      submitTestId="kaspi-card-send"
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t("cards.formIntro")}
      </Text>
      <Heading level="h3">{t("cards.category")}</Heading>
      {category ? (
        <Text size="small" data-testid="kaspi-card-chosen-category">
          {category}
        </Text>
      ) : null}
      <CategoryPicker value={category} onChange={setCategory} />
      {category ? (
        <>
          <div className="flex items-center justify-between">
            <Heading level="h3">{t("cards.attributes")}</Heading>
            <Button size="small" variant="transparent" onClick={() => void attributes.refetch()} data-testid="kaspi-card-attributes-refresh">
              {t("cards.refresh")}
            </Button>
          </div>
          {attributes.isError ? <InlineError>{errorMessage(attributes.error)}</InlineError> : null}
          {attributes.isLoading ? <Muted>{t("cards.loading")}</Muted> : null}
          {ordered.map((a) => (
            <AttributeField key={a.code} attribute={a} source={sources[a.code]} onChange={(s) => setSource(a.code, s)} />
          ))}
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" onClick={runCheck} isLoading={check.busy} data-testid="kaspi-card-check-button">
              {t("cards.check")}
            </Button>
          </div>
          <InlineError>{check.error}</InlineError>
          {checked ? <CardCheck cards={checked} /> : null}
        </>
      ) : null}
    </FormDrawer>
  )
}
