import { kaspiActionEvent } from "../action-event"
import type { KaspiEventLog } from "./kaspi-event-log"
import type { KaspiOutbox } from "./kaspi-outbox"

/** Why given-up actions go to Kaspi again: a new token was saved, or Kaspi answered a poll again. */
export type KaspiReviveReason = "token" | "kaspi_back"

/**
 * Sends given-up actions again (KaspiOutbox.reviveGivenUp) and says so in each
 * order's history, with the error they had given up on. Returns how many.
 */
export async function reviveGivenUpActions(
  outbox: KaspiOutbox,
  events: KaspiEventLog,
  opts: { accountId?: string; answeredSince?: boolean },
  why: KaspiReviveReason
): Promise<number> {
  const rows = await outbox.reviveGivenUp(opts)
  for (const r of rows) {
    await events.log(
      kaspiActionEvent(r, {
        result: "info",
        message: `Sent again: ${why === "token" ? "the token was replaced" : "Kaspi answers again"} (it had failed with ${r.error_kind})`,
        text: { code: "action.revived", params: { action: r.action, why } },
        data: { action_id: r.id },
      })
    )
  }
  return rows.length
}
