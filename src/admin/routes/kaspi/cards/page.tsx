import { Checkbox, Input, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { DataTable } from "../../../components/common/data-table"
import { ListState } from "../../../components/common/list-state"
import { KaspiSubPage } from "../../../components/kaspi-page/kaspi-sub-page"
import { CardDrawer } from "../../../components/product-card/card-drawer"
import { medusaApi } from "../../../lib/api"
import { useKaspiT } from "../../../lib/i18n"

/**
 * Kaspi → Product cards: several products of one category sent at once (the
 * bulk form of the product page's "Kaspi card" section). Tick the products,
 * then fill the category's attributes once for all of them.
 */
const KaspiCardsPage = () => {
  const { t } = useKaspiT()
  const [q, setQ] = useState("")
  const [ticked, setTicked] = useState<string[]>([])
  const products = useQuery({ queryKey: ["kaspi", "cards", "products", q], queryFn: () => medusaApi.products(q) })
  const rows = products.data?.products ?? []
  const toggle = (id: string, on: boolean) => setTicked((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)))

  return (
    <KaspiSubPage
      testId="kaspi-cards-page"
      title={t("cards.bulkTitle")}
      subtitle={t("cards.bulkIntro")}
      actions={
        <CardDrawer
          productIds={ticked}
          trigger={{ label: t("cards.bulkSend", { count: ticked.length }), testId: "kaspi-cards-bulk-open" }}
          onSent={() => setTicked([])}
        />
      }
    >
      <div className="px-6 py-4">
        <Input size="small" type="search" placeholder={t("cards.searchProducts")} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ListState isError={products.isError} error={products.error} empty={Boolean(products.data) && !rows.length} none={t("cards.noProducts")} />
      <DataTable
        columns={[{}, t("cards.product"), t("cards.skus")]}
        rows={rows}
        row={(p) => (
          <Table.Row key={p.id} data-testid="kaspi-cards-product">
            <Table.Cell>
              <Checkbox checked={ticked.includes(p.id)} onCheckedChange={(on) => toggle(p.id, on === true)} aria-label={p.title} />
            </Table.Cell>
            <Table.Cell>
              <Link to={`/products/${p.id}`} className="text-ui-fg-interactive txt-compact-small">
                {p.title}
              </Link>
            </Table.Cell>
            <Table.Cell>
              <Text size="small" className="text-ui-fg-subtle">
                {(p.variants ?? []).map((v) => v.sku).filter(Boolean).join(", ")}
              </Text>
            </Table.Cell>
          </Table.Row>
        )}
      />
    </KaspiSubPage>
  )
}

export default KaspiCardsPage
