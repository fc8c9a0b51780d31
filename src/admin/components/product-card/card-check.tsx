import { Badge, Text } from "@medusajs/ui"
import type { CardPreview } from "../../lib/cards-types"
import { useKaspiT } from "../../lib/i18n"

/**
 * What the plugin would send for each variant, checked against Kaspi's import
 * schema before anything leaves: the problems that stop it, each with its
 * field, and the warnings Kaspi may still accept.
 */
export function CardCheck({ cards }: { cards: CardPreview[] }) {
  const { t } = useKaspiT()
  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-card-check">
      {cards.map((c) => (
        <div key={c.variant_id} className="flex flex-col gap-y-1 rounded-md border px-3 py-2" data-testid="kaspi-card-check-row" data-sku={c.sku ?? ""}>
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              {c.sku ?? t("cards.noSku")}
            </Text>
            <Badge size="2xsmall" color={!c.ok ? "red" : c.unchanged ? "grey" : "green"}>
              {!c.ok ? t("cards.checkFails") : c.unchanged ? t("cards.unchanged") : t("cards.checkPasses")}
            </Badge>
          </div>
          {c.problems.map((p) => (
            <Text key={`p-${p.field}-${p.reason}`} size="xsmall" className="text-ui-fg-error" data-testid="kaspi-card-problem">
              {p.field}: {p.reason}
            </Text>
          ))}
          {c.warnings.map((w) => (
            <Text key={`w-${w.field}-${w.reason}`} size="xsmall" className="text-ui-fg-subtle">
              {t("cards.warning")} {w.field}: {w.reason}
            </Text>
          ))}
          {c.card ? (
            <details>
              <summary className="txt-compact-xsmall text-ui-fg-subtle cursor-pointer">{t("cards.showCard")}</summary>
              <pre className="txt-compact-xsmall overflow-x-auto whitespace-pre-wrap">{JSON.stringify(c.card, null, 2)}</pre>
            </details>
          ) : null}
        </div>
      ))}
    </div>
  )
}
