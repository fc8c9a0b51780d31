import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Text } from "@medusajs/ui"
import { CardDrawer } from "../components/product-card/card-drawer"
import { CardImports } from "../components/product-card/card-imports"
import { InlineError, Muted, SectionHeader } from "../components/common/section"
import { errorMessage } from "../lib/api"
import { useCardImports, useProductCards } from "../lib/cards-queries"
import type { CardState } from "../lib/cards-types"
import { useKaspiT } from "../lib/i18n"

const STATE_COLOR: Record<CardState, "green" | "red" | "orange" | "grey" | "blue"> = {
  sending: "blue",
  uploaded: "blue",
  finished: "green",
  warning: "orange",
  error: "red",
  skipped: "grey",
  aborted: "red",
  send_failed: "red",
}

/**
 * The product's Kaspi card: what was sent for each SKU and what Kaspi made of
 * it, and the form that fills and sends the card (README "Kaspi product cards").
 */
const KaspiProductCardWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useKaspiT()
  const state = useProductCards(data.id)
  const imports = useCardImports(data.id)
  return (
    <Container className="divide-y p-0" data-testid="kaspi-product-card">
      <SectionHeader
        title={t("cards.title")}
        subtitle={state.data?.category ?? t("cards.notSent")}
        actions={<CardDrawer productIds={[data.id]} initialCategory={state.data?.category} trigger={{ label: t("cards.fill"), testId: "kaspi-card-open" }} />}
      />
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {state.isError ? <InlineError>{errorMessage(state.error)}</InlineError> : null}
        {state.data && !state.data.cards.length ? <Muted>{t("cards.intro")}</Muted> : null}
        {(state.data?.cards ?? []).map((c) => (
          <div key={c.sku} className="flex flex-col gap-y-1" data-testid="kaspi-card-sku" data-state={c.state}>
            <div className="flex items-center justify-between">
              <Text size="small">{c.sku}</Text>
              <Badge size="2xsmall" color={STATE_COLOR[c.state] ?? "grey"}>
                {t(`cards.state.${c.state}`)}
              </Badge>
            </div>
            {c.messages.map((m) => (
              <Text key={m} size="xsmall" className="text-ui-fg-subtle">
                {m}
              </Text>
            ))}
          </div>
        ))}
      </div>
      <div className="px-6 py-4">
        <CardImports imports={imports.data?.imports ?? []} />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
  id: "kaspi:product-card",
})

export default KaspiProductCardWidget
