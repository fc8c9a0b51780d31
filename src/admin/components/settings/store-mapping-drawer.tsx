import { Input, Select, toast } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { useSubmit } from "../common/use-submit"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi, useStockLocations } from "../../lib/queries"
import type { StoreMapping } from "../../lib/types"

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
  const { run, busy, error, setError } = useSubmit()

  useEffect(() => {
    if (!open) return
    setStoreId(mapping?.store_id ?? "")
    setLocationId(mapping?.stock_location_id ?? "")
    setBuffer(String(mapping?.stock_buffer ?? 0))
    setPreOrder(mapping?.pre_order_days === null || mapping?.pre_order_days === undefined ? "" : String(mapping.pre_order_days))
    setError(null)
  }, [open, mapping])

  const valid = storeId.trim() && locationId && /^\d+$/.test(buffer) && (preOrder === "" || (/^\d+$/.test(preOrder) && Number(preOrder) <= 30))
  const submit = () =>
    run(async () => {
      const body = { stock_location_id: locationId, stock_buffer: Number(buffer), pre_order_days: preOrder === "" ? null : Number(preOrder) }
      if (mapping) await kaspiApi.updateStoreMapping(mapping.id, body)
      else await kaspiApi.createStoreMapping({ account_id: accountId, store_id: storeId.trim(), ...body })
      toast.success(t("stores.saved"))
      setOpen(false)
      await invalidate()
    })

  return (
    <FormDrawer
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={mapping ? t("stores.editTitle", { store: mapping.store_id }) : t("stores.addTitle")}
      contentTestId="kaspi-store-mapping-drawer"
      error={error}
      submitLabel={t("common.save")}
      submitDisabled={!valid}
      busy={busy}
      onSubmit={submit}
      submitTestId="kaspi-store-save"
    >
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
    </FormDrawer>
  )
}
