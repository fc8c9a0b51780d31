import { Button, Container, IconButton, Table, toast, usePrompt } from "@medusajs/ui"
import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { StoreMappingDrawer } from "./store-mapping-drawer"
import { DataTable } from "../common/data-table"
import { useToastedCall } from "../common/use-toasted-call"
import { InlineError, MissingSetup, SectionHeader } from "../common/section"
import { errorMessage, kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useStockLocations, useStoreMappings } from "../../lib/queries"
import type { StoreMapping } from "../../lib/types"

/** Kaspi points of sale (storeId) ↔ Medusa stock locations: where each store's feed availability comes from. */
export function StoreMappingsSection({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const prompt = usePrompt()
  const { call } = useToastedCall()
  const mappings = useStoreMappings()
  const locations = useStockLocations()
  const rows = (mappings.data?.store_mappings ?? []).filter((m) => m.account_id === accountId)
  const locationName = (id: string) => locations.data?.stock_locations.find((l) => l.id === id)?.name ?? id

  const remove = async (m: StoreMapping) => {
    const ok = await prompt({
      title: t("stores.deleteTitle", { store: m.store_id }),
      description: t("stores.deleteText"),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    await call(m.id, async () => {
      await kaspiApi.deleteStoreMapping(m.id)
      toast.success(t("stores.deleted"))
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="kaspi-store-mappings">
      <SectionHeader
        title={t("stores.title")}
        subtitle={t("stores.intro")}
        actions={
          <StoreMappingDrawer
            accountId={accountId}
            trigger={
              <Button size="small" variant="secondary" data-testid="kaspi-add-store">
                <Plus />
                {t("stores.add")}
              </Button>
            }
          />
        }
      />
      {mappings.error ? <InlineError className="px-6 py-4">{t("common.error", { message: errorMessage(mappings.error) })}</InlineError> : null}
      {rows.length === 0 && !mappings.isLoading ? (
        <div className="px-6 py-4">
          <MissingSetup>{t("stores.empty")}</MissingSetup>
        </div>
      ) : null}
      <DataTable
        columns={[t("stores.storeId"), t("stores.location"), { label: t("stores.buffer"), className: "text-right" }, { label: t("stores.preOrder"), className: "text-right" }, {}]}
        rows={rows}
        row={(m) => (
          <Table.Row key={m.id} data-testid="kaspi-store-row" data-store={m.store_id}>
            <Table.Cell className="font-mono">{m.store_id}</Table.Cell>
            <Table.Cell>{locationName(m.stock_location_id)}</Table.Cell>
            <Table.Cell className="text-right">{m.stock_buffer}</Table.Cell>
            <Table.Cell className="text-right">{m.pre_order_days ?? "—"}</Table.Cell>
            <Table.Cell className="text-right">
              <div className="flex justify-end gap-x-1">
                <StoreMappingDrawer
                  accountId={accountId}
                  mapping={m}
                  trigger={
                    <IconButton size="small" variant="transparent" aria-label={t("common.edit")}>
                      <PencilSquare />
                    </IconButton>
                  }
                />
                <IconButton size="small" variant="transparent" aria-label={t("common.delete")} onClick={() => remove(m)}>
                  <Trash />
                </IconButton>
              </div>
            </Table.Cell>
          </Table.Row>
        )}
      />
    </Container>
  )
}
