import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import { splitIntoWindows, type KaspiOrderState } from "../../modules/kaspi/client"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiBackfillView } from "../../types/admin-backfills"
import { ALL_ORDER_STATES } from "../sync/sync-kaspi-orders"
import { toKaspiBackfillView } from "./kaspi-backfill-view"

export type StartKaspiBackfillResult = { started: true; backfill: KaspiBackfillView } | { started: false; active_id: string }

/**
 * Records a backfill of [from, to] for the job to run (jobs/run-kaspi-backfills),
 * counting its windows as the client will walk them; or answers the id of the
 * one already running for the account (one at a time, by a unique index).
 */
export async function startKaspiBackfill(
  container: MedusaContainer,
  input: { accountId: string; from: Date; to?: Date; states?: KaspiOrderState[] }
): Promise<StartKaspiBackfillResult> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const to = input.to ?? new Date()
  const client = await kaspi.getClient(input.accountId)
  const windows = splitIntoWindows(input.from.getTime(), to.getTime(), client.window)
  const result = await kaspi.startKaspiBackfill({
    account_id: input.accountId,
    from: input.from,
    to,
    states: input.states ?? ALL_ORDER_STATES,
    windows_total: windows.length,
  })
  return result.created ? { started: true, backfill: toKaspiBackfillView(result.backfill) } : { started: false, active_id: result.active_id }
}
