import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../modules/kaspi"
import type { KaspiOrder } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiDisagreement } from "../actions/disagreement"
import { applyKaspiLineChange } from "../sync/apply-kaspi-line-change"
import { applyKaspiStatusChange } from "../sync/apply-kaspi-status-change"
import { compareKaspiAndMedusa, type KaspiMedusaDifference, type KaspiReconciliation } from "./compare-kaspi-and-medusa"

export type { KaspiReconciliation }
import { kaspiSideOf } from "./kaspi-side"
import { readMedusaSide } from "./read-medusa-side"
import { settleReconciliation } from "./settle-reconciliation"
import { toBackOfQueue } from "./to-back-of-queue"

/**
 * Reads one imported order from Kaspi (by code: one request, any age, API.md
 * a.2; a second one only when Kaspi left its entries out, a.4) and from
 * Medusa, compares them, repairs what Kaspi did and Medusa missed through the
 * same workflows the sync runs (lines first, then the status, as the sync
 * does), compares again and flags or clears the "mismatch" disagreement. The
 * Kaspi record is refreshed on the way, so the sync will not apply the same
 * change a second time.
 */
export async function reconcileKaspiOrder(container: MedusaContainer, kaspiOrderId: string): Promise<KaspiReconciliation> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ id: kaspiOrderId })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Kaspi order "${kaspiOrderId}"`)
  if (row.import_status !== "imported" || !row.order_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Kaspi order ${row.code} has no Medusa order to compare with (import status ${row.import_status})`
    )
  }
  const orderId = row.order_id
  const client = await kaspi.getClient(row.account_id)
  // Every entry: one left out would read as cancelled (kaspi-lines-plan).
  const order = await client.getWholeOrderByCode(row.code)

  const medusa = await readMedusaSide(container, kaspi, { id: row.id, order_id: orderId })
  if (!medusa) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The Medusa order ${orderId} of Kaspi order ${row.code} is gone`)
  if (!order) {
    const missing: KaspiMedusaDifference = {
      field: "status",
      kaspi: null,
      medusa: medusa.side.status,
      repair: null,
      reason: `Kaspi no longer finds order ${row.code}: check it in the Kaspi cabinet`,
      text: { code: "reconcile.kaspi_missing", params: { code: row.code } },
    }
    await settleReconciliation(kaspi, row, [missing])
    // Not refreshed (nothing to refresh it from): to the back of the open-orders queue all the same.
    await toBackOfQueue(kaspi, row.id)
    return { differences: [missing], repaired: [], disagrees: true }
  }
  await kaspi.upsertKaspiOrderRecord(row.account_id, order)

  const kaspiSide = kaspiSideOf(order)
  const first = compareKaspiAndMedusa(kaspiSide, medusa.side)
  const repairs = new Set(first.map((d) => d.repair).filter(Boolean))
  if (repairs.size) {
    await runRepairs(container, { accountId: row.account_id, kaspiOrderId: row.id, orderId, order }, repairs, medusa.followed_status ?? row.status)
  }
  const after = repairs.size ? await readMedusaSide(container, kaspi, { id: row.id, order_id: orderId }) : medusa
  const remaining = after ? compareKaspiAndMedusa(kaspiSide, after.side) : first
  const repaired = first.filter((d) => d.repair && !remaining.some((r) => r.field === d.field))
  if (repaired.length) {
    const fields = repaired.map((d) => d.field).join(", ")
    await kaspi.logKaspiEvent({
      account_id: row.account_id,
      kaspi_order_id: row.id,
      kaspi_code: row.code,
      type: "agreement.repaired",
      result: "ok",
      message: `Reconciliation: Medusa had missed what Kaspi did (${fields}) and now follows it`,
      text: { code: "agreement.repaired", params: { fields } },
      data: { repaired: repaired.map((d) => ({ field: d.field, kaspi: d.kaspi, medusa: d.medusa, repair: d.repair })) },
    })
  }
  const [now] = await kaspi.listKaspiOrders({ id: row.id }, { select: ["id", "account_id", "code", "disagreement"] })
  await settleReconciliation(kaspi, now ?? row, remaining)
  return { differences: remaining, repaired, disagrees: remaining.length > 0 || flaggedOtherwise(now?.disagreement) }
}

/**
 * Another kind of disagreement stays until its action succeeds or a person
 * resolves it. A "mismatch" read before settling is not one: with nothing
 * remaining, settleReconciliation has just cleared it.
 */
const flaggedOtherwise = (d: unknown) => d != null && (d as KaspiDisagreement).kind !== "mismatch"

/**
 * The sync's own follow-ups (they write the history, and a refusal by Medusa
 * is written there instead of thrown; the second comparison then shows it).
 * The status follows from the Kaspi status Medusa last followed, not from our
 * record, which was just refreshed.
 */
async function runRepairs(
  container: MedusaContainer,
  target: { accountId: string; kaspiOrderId: string; orderId: string; order: KaspiOrder },
  repairs: Set<KaspiMedusaDifference["repair"]>,
  previousStatus: string
): Promise<void> {
  if (repairs.has("lines_follow")) await applyKaspiLineChange(container, target)
  if (repairs.has("status_follow")) await applyKaspiStatusChange(container, { ...target, previousStatus })
}
