import { Button, Drawer, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { VariantPicker, type PickedVariant } from "./variant-picker"
import { InlineError } from "../common/section"
import { errorMessage, kaspiApi } from "../../lib/api"
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
  const [open, setOpen] = useState(false)
  const [picked, setPicked] = useState<Record<string, PickedVariant>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const complete = skus.every((s) => picked[s])

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      let retried = 0
      for (const sku of skus) {
        const r = await kaspiApi.createSkuMapping(sku, picked[sku].id, order.account_id)
        retried += r.retried.length
      }
      toast.success(t("fixSku.mapped", { count: retried }))
      setOpen(false)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
      await invalidate()
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="kaspi-fix-sku">
          {t("orders.fixSku")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="kaspi-fix-sku-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("fixSku.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <Text size="small" className="text-ui-fg-subtle">
            {t("fixSku.intro", { code: order.code })}
          </Text>
          {skus.map((sku) => (
            <div key={sku} className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                {t("fixSku.kaspiSku")}: <span className="font-mono">{sku}</span>
              </Label>
              <VariantPicker initialQuery="" value={picked[sku] ?? null} onChange={(v) => setPicked((p) => ({ ...p, [sku]: v }))} testId={`kaspi-variant-picker-${sku}`} />
              {picked[sku] ? (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("fixSku.chosen", { title: picked[sku].label })}
                </Text>
              ) : null}
            </div>
          ))}
          <InlineError>{error}</InlineError>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" disabled={!complete} isLoading={busy} onClick={submit} data-testid="kaspi-map-and-retry">
            {t("fixSku.mapAndRetry")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
