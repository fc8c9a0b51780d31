import type { KaspiImportSkuOutcome } from "../../modules/kaspi/client"

export type KaspiCardOutcomeState = "finished" | "warning" | "error" | "skipped"

export interface CardSkuResult {
  outcome: KaspiImportSkuOutcome
  /** the state as Kaspi named it */
  state: string | null
  messages: string[]
}

/**
 * What a FINISHED import's per-SKU result (API.md a.14, `/products/import/result`)
 * makes of one card. A SKU Kaspi's result leaves out, or a state it names in
 * a way not configured (`cards.skuStateNames`), is an error the merchant sees,
 * never a silent success: the card can be sent again.
 */
export function cardStateOf(result: CardSkuResult | undefined): { state: KaspiCardOutcomeState; messages: string[] } {
  if (!result) return { state: "error", messages: ["Kaspi's result of the import does not mention this SKU"] }
  switch (result.outcome) {
    case "imported":
      return { state: "finished", messages: result.messages }
    case "warning":
    case "error":
    case "skipped":
      return { state: result.outcome, messages: result.messages }
    default:
      return { state: "error", messages: [`Kaspi's state "${result.state ?? ""}" is not known (cards.skuStateNames)`, ...result.messages] }
  }
}
