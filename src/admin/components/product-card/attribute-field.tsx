import { Badge, Checkbox, Input, Label, Switch, Text } from "@medusajs/ui"
import type { KaspiAttributeSource } from "../../../types"
import type { CardAttribute } from "../../lib/cards-types"
import { useKaspiT } from "../../lib/i18n"
import { OptionSelect } from "../common/option-select"

type FixedValue = Extract<KaspiAttributeSource, { from: "value" }>["value"]
type SourceKind = "value" | "option" | "metadata_product" | "metadata_variant" | "product"
const KINDS: SourceKind[] = ["value", "option", "metadata_product", "metadata_variant", "product"]

const kindOf = (s: KaspiAttributeSource | undefined): SourceKind =>
  !s || s.from === "value" ? "value" : s.from === "metadata" ? (s.of === "product" ? "metadata_product" : "metadata_variant") : s.from === "variant" ? "product" : s.from

/** A source of the kind chosen, keeping what can be kept of the one before. */
function sourceOfKind(kind: SourceKind, name: string): KaspiAttributeSource | undefined {
  if (kind === "value") return undefined
  if (kind === "option") return { from: "option", title: name }
  if (kind === "product") return { from: "product", field: name }
  return { from: "metadata", of: kind === "metadata_product" ? "product" : "variant", key: name }
}

/** The attribute's name without its category path ("Smartphones*Color" → "Color"). */
export const attributeLabel = (code: string) => code.split("*").pop()!.split(".").pop()!.trim()

/**
 * One Kaspi attribute of the chosen category: where its value comes from (a
 * fixed value, an option of each variant, a metadata key, a product field),
 * and the fixed value in the attribute's own type.
 */
export function AttributeField({
  attribute: a,
  source,
  onChange,
}: {
  attribute: CardAttribute
  source: KaspiAttributeSource | undefined
  onChange: (source: KaspiAttributeSource | undefined) => void
}) {
  const { t } = useKaspiT()
  const kind = kindOf(source)
  const fixed = source?.from === "value" ? source.value : undefined
  const setFixed = (value: FixedValue) =>
    onChange(value === "" || (Array.isArray(value) && !value.length) ? undefined : { from: "value", value })
  const name = source && source.from !== "value" ? (source.from === "option" ? source.title : source.from === "metadata" ? source.key : source.field) : ""
  const id = `kaspi-card-attr-${a.code.replace(/[^a-zA-Z0-9]+/g, "-")}`

  return (
    <div className="flex flex-col gap-y-2 rounded-md border px-3 py-2" data-testid="kaspi-card-attribute" data-code={a.code}>
      <div className="flex items-center justify-between gap-x-2">
        <Label size="small" weight="plus" htmlFor={id}>
          {attributeLabel(a.code)}
        </Label>
        <div className="flex items-center gap-x-1">
          {a.mandatory ? <Badge size="2xsmall" color="orange">{t("cards.mandatory")}</Badge> : null}
          <Badge size="2xsmall">{t(`cards.type.${a.type}`)}{a.multiValued ? ` · ${t("cards.multi")}` : ""}</Badge>
        </div>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {a.code}
      </Text>
      <OptionSelect
        value={kind}
        onChange={(k) => onChange(sourceOfKind(k, name))}
        testId={`${id}-source`}
        options={KINDS.map((k) => ({ value: k, label: t(`cards.source.${k}`) }))}
      />
      {kind !== "value" ? (
        <Input size="small" id={id} placeholder={t(`cards.sourceName.${kind}`)} value={name} onChange={(e) => onChange(sourceOfKind(kind, e.target.value))} />
      ) : a.type === "boolean" ? (
        <div className="flex items-center gap-x-2">
          <Switch id={id} checked={fixed === true} onCheckedChange={(v) => setFixed(v)} data-testid={id} />
          <Text size="small">{fixed === true ? t("cards.yes") : fixed === false ? t("cards.no") : t("cards.notSet")}</Text>
        </div>
      ) : a.type === "enum" && a.multiValued ? (
        <div className="flex flex-wrap gap-2" data-testid={id}>
          {(a.values ?? []).map((v) => {
            const chosen = Array.isArray(fixed) ? fixed : []
            return (
              <label key={v.code} className="txt-compact-small flex items-center gap-x-1">
                <Checkbox
                  checked={chosen.includes(v.code)}
                  onCheckedChange={(on) => setFixed(on ? [...chosen, v.code] : chosen.filter((c) => c !== v.code))}
                />
                {v.name ?? v.code}
              </label>
            )
          })}
        </div>
      ) : a.type === "enum" && a.values?.length ? (
        <OptionSelect
          value={typeof fixed === "string" ? fixed : undefined}
          onChange={setFixed}
          placeholder={t("cards.pickValue")}
          id={id}
          testId={id}
          options={a.values.map((v) => ({ value: v.code, label: v.name ?? v.code }))}
        />
      ) : (
        <Input
          size="small"
          id={id}
          data-testid={id}
          type={a.type === "number" ? "number" : "text"}
          value={typeof fixed === "string" || typeof fixed === "number" ? String(fixed) : ""}
          onChange={(e) => setFixed(a.type === "number" && e.target.value !== "" ? Number(e.target.value) : e.target.value)}
        />
      )}
    </div>
  )
}
