import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiDisagreement } from "../actions/disagreement"
import { describeDifferences, type KaspiMedusaDifference } from "./compare-kaspi-and-medusa"

type Row = { id: string; account_id: string; code: string; disagreement?: unknown }

/**
 * After reconciliation: flags the order "mismatch" with what still differs,
 * or clears an earlier "mismatch" once nothing does. Other kinds are left as
 * they are: they belong to an outbox action (its later success clears them)
 * or to a person (resolve), and already say the order needs one. The same
 * mismatch found again is not written again, so a reconciliation every 15
 * minutes does not fill the history.
 */
export async function settleReconciliation(
  kaspi: KaspiModuleService,
  row: Row,
  remaining: KaspiMedusaDifference[],
  now = new Date()
): Promise<void> {
  const existing = (row.disagreement ?? null) as KaspiDisagreement | null
  const log = (d: KaspiMedusaDifference | null, type: string, result: "ok" | "error", message: string) =>
    kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.id,
      kaspi_code: row.code,
      type,
      result,
      message,
      text: d ? d.text : { code: "agreement.agrees_again", params: {} },
      data: d ? { field: d.field, kaspi: d.kaspi, medusa: d.medusa } : { was: existing },
    })

  if (!remaining.length) {
    if (existing?.kind !== "mismatch") return
    await kaspi.updateKaspiOrders({ id: row.id, disagreement: null })
    await log(null, "agreement.agrees_again", "ok", "Reconciliation: Medusa and Kaspi agree again; the disagreement was cleared")
    return
  }
  if (existing && existing.kind !== "mismatch") return
  const reason = describeDifferences(remaining)
  if (existing?.reason === reason) return
  const disagreement: KaspiDisagreement = { kind: "mismatch", reason, at: now.toISOString() }
  await kaspi.flagKaspiOrderDisagreement(row.id, disagreement)
  // One line of history per difference, each in the reader's language.
  for (const d of remaining) await log(d, "agreement.mismatch", "error", `Medusa and Kaspi disagree: ${d.reason}`)
}
