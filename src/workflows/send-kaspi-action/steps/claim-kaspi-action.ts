import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"

export interface ClaimKaspiActionInput {
  action_id: string
  /** true when the caller (the outbox drain) has claimed the row already */
  claimed?: boolean
}

/**
 * Takes the row for this sender under a lease (a compare-and-set in the
 * database: one sender at a time, on any instance). If the workflow fails
 * before Kaspi's answer is recorded, the row is given back as pending so the
 * outbox job tries again; once recorded, there is nothing to give back.
 */
export const claimKaspiActionStep = createStep(
  "claim-kaspi-action",
  async (input: ClaimKaspiActionInput, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const o = kaspi.getResolvedOptions().actions
    const claimed = input.claimed || (await kaspi.claimKaspiActions({ ids: [input.action_id], limit: 1, leaseSeconds: o.leaseSeconds })).length > 0
    return new StepResponse({ claimed }, claimed ? input.action_id : null)
  },
  async (claimedId, { container }) => {
    if (!claimedId) return
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const [row] = await kaspi.listKaspiActions({ id: claimedId, status: "sending" }, { select: ["id"] })
    if (row) await kaspi.finishKaspiAction(claimedId, { status: "pending", next_attempt_at: new Date(Date.now() + 5_000) })
  }
)
