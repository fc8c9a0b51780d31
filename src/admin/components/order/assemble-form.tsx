import { Button, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useKaspiT } from "../../lib/i18n"
import type { KaspiActionBody } from "../../lib/types"

/** ASSEMBLE for Kaspi Delivery: the number of packages is printed on the waybill Kaspi then issues. */
export function AssembleForm({ busy, run }: { busy?: string; run: (body: KaspiActionBody) => Promise<boolean> }) {
  const { t } = useKaspiT()
  const [packages, setPackages] = useState(1)
  const valid = Number.isInteger(packages) && packages >= 1 && packages <= 100
  return (
    <form
      className="flex flex-col gap-y-1.5"
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) run({ action: "assemble", number_of_space: packages })
      }}
    >
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("actions.assembleHint")}
      </Text>
      <div className="flex items-center gap-x-2">
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
        <Button size="small" type="submit" isLoading={busy === "assemble"} disabled={!valid || Boolean(busy)} data-testid="kaspi-action-assemble">
          {t("actions.assemble")}
        </Button>
      </div>
    </form>
  )
}
