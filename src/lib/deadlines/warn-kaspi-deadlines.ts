import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { runAlone } from "../jobs/run-alone"
import { notifyKaspi } from "../notifications/notify-kaspi"
import { almatyTime } from "../notifications/texts"

export const DEADLINE_LOCK_KEY = "kaspi-warn-deadlines"

/** Orders warned about per run at most: the most urgent first, the rest on the next run. */
const WARN_LIMIT = 200

/**
 * Warns about every deadline (deadline.ts) that passes within
 * `orders.deadlineWarnMinutes`, or has passed and still stands, most urgent
 * first, through the "deadline" notification. Each order's acceptance and
 * hand-over deadline is told once a day: the notification's idempotency key
 * (order, deadline kind, Almaty day) is unique in Medusa's table, so a second
 * run, a second instance or the minute after changes nothing.
 */
export async function warnKaspiDeadlines(container: MedusaContainer, accountIds: string[], now: Date = new Date()) {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const { acceptWithinMinutes, deadlineWarnMinutes } = kaspi.getResolvedOptions().orders
  return runAlone(container, DEADLINE_LOCK_KEY, async () => {
    const due = []
    for (const accountId of accountIds) {
      due.push(
        ...(await kaspi.listKaspiOrdersByDeadline({
          accountId,
          acceptWithinMinutes,
          dueBefore: new Date(now.getTime() + deadlineWarnMinutes * 60_000),
          limit: WARN_LIMIT,
        }))
      )
    }
    let warned = 0
    for (const d of due) {
      const sent = await notifyKaspi(
        container,
        {
          kind: "deadline",
          account_id: d.account_id,
          subject: d.kaspi_id,
          topic: d.kind,
          order_id: d.order_id,
          code: d.code,
          deadline: d.kind,
          due_at: d.due_at.toISOString(),
        },
        now
      )
      if (!sent.some((s) => s.outcome === "sent")) continue
      warned++
      // The order's history says the merchant was warned, and when it is due (once, with the notification).
      const due = almatyTime(d.due_at.toISOString())
      await kaspi.logKaspiEvent({
        account_id: d.account_id,
        kaspi_order_id: d.id,
        kaspi_code: d.code,
        type: "deadline.warned",
        result: "info",
        message: d.kind === "accept" ? `Reminder sent: accept the order by ${due} (Almaty)` : `Reminder sent: hand the order to the Kaspi courier by ${due} (Almaty)`,
        text: { code: d.kind === "accept" ? "deadline.warned_accept" : "deadline.warned_handover", params: { due } },
      })
    }
    return { due: due.length, warned }
  })
}
