import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiEffectiveOrderOptions } from "../../modules/kaspi/service"
import { requestKaspiActionOrLog } from "./request-kaspi-action-or-log"

/**
 * With `orders.autoAccept`, the subscriber of `kaspi.order.imported` accepts
 * each clean import. An event is emitted after the import committed, so a
 * process killed in between loses it, and the order would wait for a person
 * until Kaspi cancels it. This sweep, run by the poll job, asks for the accept
 * of such orders a minute after their import; the action's idempotency key
 * makes it harmless when the subscriber was only late.
 */
export async function acceptMissedAutoAccepts(
  container: MedusaContainer,
  accountId: string,
  {
    importedBeforeSeconds = 60,
    limit = 20,
    orderOptions,
  }: { importedBeforeSeconds?: number; limit?: number; orderOptions?: KaspiEffectiveOrderOptions } = {}
): Promise<number> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  if (!(orderOptions ?? (await kaspi.getOrderOptions(accountId))).autoAccept) return 0
  const missed = await kaspi.listKaspiOrdersMissingAccept(accountId, { importedBeforeSeconds, limit })
  for (const row of missed) {
    await requestKaspiActionOrLog(container, row, { action: "accept" }, "auto-accept", "Auto-accept not sent")
  }
  return missed.length
}
