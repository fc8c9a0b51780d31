import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { sendKaspiAction } from "../../../lib/outbox/send-kaspi-action"

/**
 * Tries to deliver the recorded action right away, so the merchant sees Kaspi's
 * answer at once; if Kaspi is down the row stays in the outbox for the retry
 * job. No compensation: a call Kaspi received cannot be taken back, and the row
 * records what happened.
 */
export const sendKaspiActionNowStep = createStep("send-kaspi-action-now", async (input: { id: string }, { container }) => {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const o = kaspi.getResolvedOptions().actions
  if (o.sendImmediately && !o.dryRun) {
    const claimed = await kaspi.claimKaspiActions({ ids: [input.id], limit: 1, leaseSeconds: o.leaseSeconds })
    if (claimed.length) await sendKaspiAction(container, input.id)
  }
  // Another sender (a subscriber of the same change, another instance) may hold
  // the row right now: wait briefly so the merchant sees Kaspi's answer.
  let [row] = await kaspi.listKaspiActions({ id: input.id })
  for (let i = 0; row?.status === "sending" && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100))
    ;[row] = await kaspi.listKaspiActions({ id: input.id })
  }
  return new StepResponse(row)
})
