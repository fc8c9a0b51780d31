import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import type { KaspiText } from "../../../types/kaspi-texts"

export interface FinishKaspiOrderImportInput {
  kaspi_order_id: string
  import_status: "imported" | "needs_attention" | "ignored"
  reason?: string | null
  order_id?: string | null
  unmapped_skus?: string[] | null
  /** The reason (or the import) as a code and parameters for the admin; `reason` stays the English sentence. */
  text?: KaspiText | null
}

/** Records the outcome of the attempt on the kaspi_order row and in its history. */
export const finishKaspiOrderImportStep = createStep(
  "finish-kaspi-order-import",
  async (input: FinishKaspiOrderImportInput & { account_id: string; code: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    await kaspi.finishKaspiOrderImport(input.kaspi_order_id, input)
    await kaspi.logKaspiEvent({
      account_id: input.account_id,
      kaspi_order_id: input.kaspi_order_id,
      kaspi_code: input.code,
      type: `import.${input.import_status}`,
      result: input.import_status === "needs_attention" ? "error" : "ok",
      message: input.reason ?? (input.import_status === "imported" ? `Imported as Medusa order ${input.order_id}` : null),
      text: input.text ?? (input.import_status === "imported" ? { code: "import.imported", params: { order_id: input.order_id ?? null } } : undefined),
      data: { order_id: input.order_id ?? null, unmapped_skus: input.unmapped_skus ?? null },
    })
    return new StepResponse(input, input.kaspi_order_id)
  },
  async (kaspiOrderId, { container }) => {
    if (!kaspiOrderId) return
    await container
      .resolve<KaspiModuleService>(KASPI_MODULE)
      .releaseKaspiOrderImport(kaspiOrderId, "undo_finish")
  }
)
