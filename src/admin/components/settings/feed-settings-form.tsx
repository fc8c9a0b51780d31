import { Button, Container, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Field } from "../common/field"
import { OptionSelect, type SelectOption } from "../common/option-select"
import { InlineError, SectionHeader } from "../common/section"
import { useSubmit } from "../common/use-submit"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi } from "../../lib/queries"
import type { FeedSettings } from "../../lib/types"

/** The settings a shop owner changes most; the rest (filters, city prices) go through the API (README). */
type Form = {
  company_name: string
  merchant_id: string
  price_source: FeedSettings["price_source"]
  price_region_id: string
  price_list_id: string
  price_markup_percent: string
  price_fixed_add: string
  price_rounding: string
  price_rounding_mode: FeedSettings["price_rounding_mode"]
  brand_source: FeedSettings["brand_source"]
  brand_value: string
  model_template: string
  include_stock_count: boolean
  include_pre_order: boolean
  interval_minutes: string
  max_removed_percent: string
}

type KeyOf<V> = { [K in keyof Form]: Form[K] extends V ? K : never }[keyof Form]
type ToggleKey = KeyOf<boolean>
type ChoiceKey = "price_source" | "price_rounding" | "price_rounding_mode" | "brand_source"
type TextKey = Exclude<KeyOf<string>, ChoiceKey>

const toForm = (s: FeedSettings): Form => ({
  company_name: s.company_name ?? "",
  merchant_id: s.merchant_id ?? "",
  price_source: s.price_source,
  price_region_id: s.price_region_id ?? "",
  price_list_id: s.price_list_id ?? "",
  price_markup_percent: String(s.price_markup_percent),
  price_fixed_add: String(s.price_fixed_add),
  price_rounding: String(s.price_rounding),
  price_rounding_mode: s.price_rounding_mode,
  brand_source: s.brand_source,
  brand_value: s.brand_value,
  model_template: s.model_template,
  include_stock_count: s.include_stock_count,
  include_pre_order: s.include_pre_order,
  interval_minutes: String(s.interval_minutes),
  max_removed_percent: String(Math.round(s.max_removed_share * 100)),
})

const toPatch = (f: Form): Partial<FeedSettings> => ({
  company_name: f.company_name.trim() || null,
  merchant_id: f.merchant_id.trim() || null,
  price_source: f.price_source,
  price_region_id: f.price_region_id.trim() || null,
  price_list_id: f.price_list_id.trim() || null,
  price_markup_percent: Number(f.price_markup_percent),
  price_fixed_add: Math.round(Number(f.price_fixed_add)),
  price_rounding: Number(f.price_rounding) as 1 | 10 | 100,
  price_rounding_mode: f.price_rounding_mode,
  brand_source: f.brand_source,
  brand_value: f.brand_value.trim(),
  model_template: f.model_template.trim(),
  include_stock_count: f.include_stock_count,
  include_pre_order: f.include_pre_order,
  interval_minutes: Math.round(Number(f.interval_minutes)),
  max_removed_share: Number(f.max_removed_percent) / 100,
})

/** Feed settings: company, price rule, brand and model texts, stock/pre-order, schedule and the mass-removal guard. */
export function FeedSettingsForm({ accountId, settings }: { accountId: string; settings: FeedSettings }) {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const [form, setForm] = useState<Form>(() => toForm(settings))
  const { run, busy, error } = useSubmit()
  useEffect(() => setForm(toForm(settings)), [settings])
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }))
  const text = (k: TextKey, label: string, type: "text" | "number" = "text") => (
    <Field label={label} htmlFor={`kaspi-feed-${k}`}>
      <Input id={`kaspi-feed-${k}`} type={type} value={form[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  )
  const choice = <K extends ChoiceKey>(k: K, label: string, options: SelectOption<Form[K]>[]) => (
    <Field label={label}>
      <OptionSelect value={form[k]} onChange={(v) => set(k, v)} options={options} />
    </Field>
  )
  const toggle = (k: ToggleKey, id: string, label: string) => (
    <div className="flex items-center gap-x-2">
      <Switch id={id} checked={form[k]} onCheckedChange={(v) => set(k, v)} />
      <Label size="small" htmlFor={id}>
        {label}
      </Label>
    </div>
  )

  const save = () =>
    run(async () => {
      await kaspiApi.updateFeedConfig(accountId, toPatch(form))
      toast.success(t("feed.settingsSaved"))
      await invalidate()
    })

  return (
    <Container className="divide-y p-0" data-testid="kaspi-feed-settings">
      <SectionHeader title={t("feed.settingsTitle")} />
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        {text("company_name", t("feed.companyName"))}
        {text("merchant_id", t("feed.feedMerchantId"))}
        {choice("price_source", t("feed.priceSource"), [
          { value: "base", label: t("feed.priceSourceBase") },
          { value: "region", label: t("feed.priceSourceRegion") },
          { value: "price_list", label: t("feed.priceSourceList") },
        ])}
        {form.price_source === "region"
          ? text("price_region_id", t("feed.priceRegion"))
          : form.price_source === "price_list"
            ? text("price_list_id", t("feed.priceList"))
            : <div />}
        {text("price_markup_percent", t("feed.markup"), "number")}
        {text("price_fixed_add", t("feed.fixedAdd"), "number")}
        {choice("price_rounding", t("feed.rounding"), ["1", "10", "100"].map((n) => ({ value: n, label: n })))}
        {choice("price_rounding_mode", t("feed.roundingMode"), [
          { value: "nearest", label: t("feed.roundNearest") },
          { value: "up", label: t("feed.roundUp") },
          { value: "down", label: t("feed.roundDown") },
        ])}
        {choice("brand_source", t("feed.brandSource"), [
          { value: "metadata", label: t("feed.brandMetadata") },
          { value: "type", label: t("feed.brandType") },
          { value: "collection", label: t("feed.brandCollection") },
          { value: "fixed", label: t("feed.brandFixed") },
          { value: "none", label: t("feed.brandNone") },
        ])}
        {text("brand_value", t("feed.brandValue"))}
        {text("model_template", t("feed.modelTemplate"))}
        {text("interval_minutes", t("feed.interval"), "number")}
        {text("max_removed_percent", t("feed.maxRemoved"), "number")}
        <div className="flex flex-col gap-y-3 pt-6">
          {toggle("include_stock_count", "kaspi-feed-stock", t("feed.includeStock"))}
          {toggle("include_pre_order", "kaspi-feed-preorder", t("feed.includePreOrder"))}
        </div>
      </div>
      <div className="flex items-center justify-end gap-x-4 px-6 py-4">
        {error ? <InlineError>{error}</InlineError> : <Text size="small" />}
        <Button size="small" isLoading={busy} onClick={save} data-testid="kaspi-feed-save">
          {t("feed.saveSettings")}
        </Button>
      </div>
    </Container>
  )
}
