import { Button, Container, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Field } from "../common/field"
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

function Choice<T extends string>({ value, onChange, options }: { value: T; onChange: (v: T) => void; options: [T, string][] }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as T)}>
      <Select.Trigger>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map(([v, label]) => (
          <Select.Item key={v} value={v}>
            {label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

/** Feed settings: company, price rule, brand and model texts, stock/pre-order, schedule and the mass-removal guard. */
export function FeedSettingsForm({ accountId, settings }: { accountId: string; settings: FeedSettings }) {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const [form, setForm] = useState<Form>(() => toForm(settings))
  const { run, busy, error } = useSubmit()
  useEffect(() => setForm(toForm(settings)), [settings])
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }))
  const text = (k: keyof Form, type: "text" | "number" = "text") => (
    <Input id={`kaspi-feed-${k}`} type={type} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} />
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
        <Field label={t("feed.companyName")} htmlFor="kaspi-feed-company_name">
          {text("company_name")}
        </Field>
        <Field label={t("feed.feedMerchantId")} htmlFor="kaspi-feed-merchant_id">
          {text("merchant_id")}
        </Field>
        <Field label={t("feed.priceSource")}>
          <Choice
            value={form.price_source}
            onChange={(v) => set("price_source", v)}
            options={[
              ["base", t("feed.priceSourceBase")],
              ["region", t("feed.priceSourceRegion")],
              ["price_list", t("feed.priceSourceList")],
            ]}
          />
        </Field>
        {form.price_source === "region" ? (
          <Field label={t("feed.priceRegion")} htmlFor="kaspi-feed-price_region_id">
            {text("price_region_id")}
          </Field>
        ) : form.price_source === "price_list" ? (
          <Field label={t("feed.priceList")} htmlFor="kaspi-feed-price_list_id">
            {text("price_list_id")}
          </Field>
        ) : (
          <div />
        )}
        <Field label={t("feed.markup")} htmlFor="kaspi-feed-price_markup_percent">
          {text("price_markup_percent", "number")}
        </Field>
        <Field label={t("feed.fixedAdd")} htmlFor="kaspi-feed-price_fixed_add">
          {text("price_fixed_add", "number")}
        </Field>
        <Field label={t("feed.rounding")}>
          <Choice value={form.price_rounding} onChange={(v) => set("price_rounding", v)} options={[["1", "1"], ["10", "10"], ["100", "100"]]} />
        </Field>
        <Field label={t("feed.roundingMode")}>
          <Choice
            value={form.price_rounding_mode}
            onChange={(v) => set("price_rounding_mode", v)}
            options={[
              ["nearest", t("feed.roundNearest")],
              ["up", t("feed.roundUp")],
              ["down", t("feed.roundDown")],
            ]}
          />
        </Field>
        <Field label={t("feed.brandSource")}>
          <Choice
            value={form.brand_source}
            onChange={(v) => set("brand_source", v)}
            options={[
              ["metadata", t("feed.brandMetadata")],
              ["type", t("feed.brandType")],
              ["collection", t("feed.brandCollection")],
              ["fixed", t("feed.brandFixed")],
              ["none", t("feed.brandNone")],
            ]}
          />
        </Field>
        <Field label={t("feed.brandValue")} htmlFor="kaspi-feed-brand_value">
          {text("brand_value")}
        </Field>
        <Field label={t("feed.modelTemplate")} htmlFor="kaspi-feed-model_template">
          {text("model_template")}
        </Field>
        <Field label={t("feed.interval")} htmlFor="kaspi-feed-interval_minutes">
          {text("interval_minutes", "number")}
        </Field>
        <Field label={t("feed.maxRemoved")} htmlFor="kaspi-feed-max_removed_percent">
          {text("max_removed_percent", "number")}
        </Field>
        <div className="flex flex-col gap-y-3 pt-6">
          <div className="flex items-center gap-x-2">
            <Switch id="kaspi-feed-stock" checked={form.include_stock_count} onCheckedChange={(v) => set("include_stock_count", v)} />
            <Label size="small" htmlFor="kaspi-feed-stock">
              {t("feed.includeStock")}
            </Label>
          </div>
          <div className="flex items-center gap-x-2">
            <Switch id="kaspi-feed-preorder" checked={form.include_pre_order} onCheckedChange={(v) => set("include_pre_order", v)} />
            <Label size="small" htmlFor="kaspi-feed-preorder">
              {t("feed.includePreOrder")}
            </Label>
          </div>
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
