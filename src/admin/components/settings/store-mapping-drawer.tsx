import { Input, toast } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { SelectField } from "../common/select-field"
import { useFormDrawer } from "../common/use-form-drawer"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi, useStockLocations } from "../../lib/queries"
import type { StoreMapping } from "../../lib/types"

/** Create (no `mapping`) or edit one Kaspi storeId ↔ stock location row. */
export function StoreMappingDrawer({ accountId, mapping, trigger }: { accountId: string; mapping?: StoreMapping; trigger: ReactNode }) {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const locations = useStockLocations()
  const form = useFormDrawer()
  const { open, setOpen, setError } = form
  const [storeId, setStoreId] = useState("")
  const [locationId, setLocationId] = useState("")
  const [buffer, setBuffer] = useState("0")
  const [preOrder, setPreOrder] = useState("")

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
    form.run(async () => {
      const body = { stock_location_id: locationId, stock_buffer: Number(buffer), pre_order_days: preOrder === "" ? null : Number(preOrder) }
      if (mapping) await kaspiApi.updateStoreMapping(mapping.id, body)
      else await kaspiApi.createStoreMapping({ account_id: accountId, store_id: storeId.trim(), ...body })
      toast.success(t("stores.saved"))
      setOpen(false)
      await invalidate()
    })

  return (
    <FormDrawer
      {...form.drawer}
      trigger={trigger}
      title={mapping ? t("stores.editTitle", { store: mapping.store_id }) : t("stores.addTitle")}
      contentTestId="kaspi-store-mapping-drawer"
      submitLabel={t("common.save")}
      submitDisabled={!valid}
      onSubmit={submit}
      submitTestId="kaspi-store-save"
    >
      <Field label={t("stores.storeId")} hint={t("stores.storeIdHint")} htmlFor="kaspi-store-id">
        <Input id="kaspi-store-id" value={storeId} disabled={Boolean(mapping)} onChange={(e) => setStoreId(e.target.value)} placeholder="PP1" data-testid="kaspi-store-id" />
      </Field>
      <SelectField
        label={t("stores.location")}
        value={locationId}
        onChange={setLocationId}
        testId="kaspi-store-location"
        options={(locations.data?.stock_locations ?? []).map((l) => ({ value: l.id, label: l.name }))}
      />
      <Field label={t("stores.buffer")} hint={t("stores.bufferHint")} htmlFor="kaspi-store-buffer">
        <Input id="kaspi-store-buffer" type="number" min={0} value={buffer} onChange={(e) => setBuffer(e.target.value)} data-testid="kaspi-store-buffer" />
      </Field>
      <Field label={t("stores.preOrder")} hint={t("stores.preOrderHint")} htmlFor="kaspi-store-preorder">
        <Input id="kaspi-store-preorder" type="number" min={0} max={30} value={preOrder} onChange={(e) => setPreOrder(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}
