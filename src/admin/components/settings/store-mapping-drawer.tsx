import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { InlineError } from "../common/section"
import { errorMessage, kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi, useStockLocations } from "../../lib/queries"
import type { StoreMapping } from "../../lib/types"

function Field({ label, hint, htmlFor, children }: { label: string; hint?: string; htmlFor?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label size="small" weight="plus" htmlFor={htmlFor}>
        {label}
      </Label>
      {children}
      {hint ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}

/** Create (no `mapping`) or edit one Kaspi storeId ↔ stock location row. */
export function StoreMappingDrawer({ accountId, mapping, trigger }: { accountId: string; mapping?: StoreMapping; trigger: ReactNode }) {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const locations = useStockLocations()
  const [open, setOpen] = useState(false)
  const [storeId, setStoreId] = useState("")
  const [locationId, setLocationId] = useState("")
  const [buffer, setBuffer] = useState("0")
  const [preOrder, setPreOrder] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    setStoreId(mapping?.store_id ?? "")
    setLocationId(mapping?.stock_location_id ?? "")
    setBuffer(String(mapping?.stock_buffer ?? 0))
    setPreOrder(mapping?.pre_order_days === null || mapping?.pre_order_days === undefined ? "" : String(mapping.pre_order_days))
    setError(null)
  }, [open, mapping])

  const valid = storeId.trim() && locationId && /^\d+$/.test(buffer) && (preOrder === "" || (/^\d+$/.test(preOrder) && Number(preOrder) <= 30))
  const submit = async () => {
    setBusy(true)
    setError(null)
    const body = { stock_location_id: locationId, stock_buffer: Number(buffer), pre_order_days: preOrder === "" ? null : Number(preOrder) }
    try {
      if (mapping) await kaspiApi.updateStoreMapping(mapping.id, body)
      else await kaspiApi.createStoreMapping({ account_id: accountId, store_id: storeId.trim(), ...body })
      toast.success(t("stores.saved"))
      setOpen(false)
      await invalidate()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>{trigger}</Drawer.Trigger>
      <Drawer.Content data-testid="kaspi-store-mapping-drawer">
        <Drawer.Header>
          <Drawer.Title>{mapping ? t("stores.editTitle", { store: mapping.store_id }) : t("stores.addTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Field label={t("stores.storeId")} hint={t("stores.storeIdHint")} htmlFor="kaspi-store-id">
            <Input id="kaspi-store-id" value={storeId} disabled={Boolean(mapping)} onChange={(e) => setStoreId(e.target.value)} placeholder="PP1" data-testid="kaspi-store-id" />
          </Field>
          <Field label={t("stores.location")}>
            <Select value={locationId} onValueChange={setLocationId}>
              <Select.Trigger data-testid="kaspi-store-location">
                <Select.Value placeholder={t("stores.location")} />
              </Select.Trigger>
              <Select.Content>
                {(locations.data?.stock_locations ?? []).map((l) => (
                  <Select.Item key={l.id} value={l.id}>
                    {l.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field label={t("stores.buffer")} hint={t("stores.bufferHint")} htmlFor="kaspi-store-buffer">
            <Input id="kaspi-store-buffer" type="number" min={0} value={buffer} onChange={(e) => setBuffer(e.target.value)} data-testid="kaspi-store-buffer" />
          </Field>
          <Field label={t("stores.preOrder")} hint={t("stores.preOrderHint")} htmlFor="kaspi-store-preorder">
            <Input id="kaspi-store-preorder" type="number" min={0} max={30} value={preOrder} onChange={(e) => setPreOrder(e.target.value)} />
          </Field>
          <InlineError>{error}</InlineError>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" disabled={!valid} isLoading={busy} onClick={submit} data-testid="kaspi-store-save">
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
