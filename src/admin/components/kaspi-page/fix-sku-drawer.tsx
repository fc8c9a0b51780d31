import { Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { VariantPicker, type PickedVariant } from "./variant-picker"
import { Field } from "../common/field"
import { FormDrawer } from "../common/form-drawer"
import { useFormDrawer } from "../common/use-form-drawer"
import { kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useInvalidateKaspi } from "../../lib/queries"
import type { KaspiOrderRow } from "../../lib/types"

/**
 * Maps each Kaspi SKU this order is waiting for to a variant; the API then
 * re-imports every order of the shop that waited for that SKU.
 */
export function FixSkuDrawer({ order }: { order: KaspiOrderRow }) {
  const { t } = useKaspiT()
  const invalidate = useInvalidateKaspi()
  const skus = order.unmapped_skus ?? []
  const form = useFormDrawer()
  const [picked, setPicked] = useState<Record<string, PickedVariant>>({})
  const complete = skus.every((s) => picked[s])

  const submit = () =>
    form.submit(
      async () => {
        let retried = 0
        for (const sku of skus) {
          const r = await kaspiApi.createSkuMapping(sku, picked[sku].id, order.account_id)
          retried += r.retried.length
        }
        toast.success(t("fixSku.mapped", { count: retried }))
      },
      // The SKUs mapped before a failure have already re-imported their orders.
      { onSettled: invalidate }
    )

  return (
    <FormDrawer
      {...form.drawer}
      trigger={{ label: t("orders.fixSku"), testId: "kaspi-fix-sku" }}
      title={t("fixSku.title")}
      contentTestId="kaspi-fix-sku-drawer"
      bodyClassName="flex flex-col gap-y-6 overflow-y-auto"
      submitLabel={t("fixSku.mapAndRetry")}
      submitDisabled={!complete}
      onSubmit={submit}
      submitTestId="kaspi-map-and-retry"
    >
      <Text size="small" className="text-ui-fg-subtle">
        {t("fixSku.intro", { code: order.code })}
      </Text>
      {skus.map((sku) => (
        <Field
          key={sku}
          label={
            <>
              {t("fixSku.kaspiSku")}: <span className="font-mono">{sku}</span>
            </>
          }
          hint={picked[sku] ? t("fixSku.chosen", { title: picked[sku].label }) : null}
        >
          <VariantPicker initialQuery="" value={picked[sku] ?? null} onChange={(v) => setPicked((p) => ({ ...p, [sku]: v }))} testId={`kaspi-variant-picker-${sku}`} />
        </Field>
      ))}
    </FormDrawer>
  )
}
