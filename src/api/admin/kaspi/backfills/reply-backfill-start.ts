import type { MedusaResponse } from "@medusajs/framework/http"
import type { StartKaspiBackfillResult } from "../../../../lib/backfill/start-kaspi-backfill"
import type { AdminKaspiBackfillConflict, KaspiBackfillView } from "../../../../types/admin-backfills"

/**
 * 202 with the new backfill (the job runs it), or 409 naming the one already
 * running for the account. `extra` lets the sync route keep its `mode` field.
 */
export function replyBackfillStart(res: MedusaResponse, result: StartKaspiBackfillResult, extra: Record<string, string> = {}): void {
  if (result.started) {
    const body: { backfill: KaspiBackfillView } = { ...extra, backfill: result.backfill }
    res.status(202).json(body)
    return
  }
  const conflict: AdminKaspiBackfillConflict = {
    message: `A backfill of this account is already running (${result.active_id}): cancel it or wait for it to finish`,
    backfill_id: result.active_id,
  }
  res.status(409).json({ ...extra, ...conflict })
}
