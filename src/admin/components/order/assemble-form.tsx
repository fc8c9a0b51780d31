import { Input, Label } from "@medusajs/ui"
import { useState } from "react"
import { ActionForm } from "./action-step"
import { useKaspiT } from "../../lib/i18n"
import type { KaspiActionBody } from "../../lib/types"

/** ASSEMBLE for Kaspi Delivery: the number of packages is printed on the waybill Kaspi then issues. */
export function AssembleForm({ busy, run }: { busy?: string; run: (body: KaspiActionBody) => Promise<boolean> }) {
  const { t } = useKaspiT()
  const [packages, setPackages] = useState(1)
  const valid = Number.isInteger(packages) && packages >= 1 && packages <= 100
  return (
    <ActionForm action="assemble" busy={busy} valid={valid} onSubmit={() => run({ action: "assemble", number_of_space: packages })}>
      <Label size="small" htmlFor="kaspi-packages" className="text-ui-fg-subtle shrink-0">
        {t("actions.packages")}
      </Label>
      <Input
        id="kaspi-packages"
        size="small"
        type="number"
        min={1}
        max={100}
        className="w-20"
        value={packages}
        onChange={(e) => setPackages(Number(e.target.value))}
        data-testid="kaspi-packages"
      />
    </ActionForm>
  )
}
