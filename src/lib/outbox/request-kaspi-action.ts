import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import { requestKaspiActionWorkflow, type RequestKaspiActionInput } from "../../workflows/request-kaspi-action"
import { deliverKaspiAction } from "./deliver-kaspi-action"

export type KaspiActionRow = Awaited<ReturnType<KaspiModuleService["listKaspiActions"]>>[number]

/** How long a caller waits for another sender (a subscriber of the same change, another instance) holding the row. */
const WAIT_FOR_OTHER_SENDER_MS = 10_000

/**
 * The merchant's action, from the click to Kaspi's answer: the request
 * workflow records the intent (once per idempotency key; a failed one is
 * sent again), then the send workflow delivers it right away (unless
 * `actions.sendImmediately` is off or in dry run: the outbox job does), so the
 * merchant sees Kaspi's answer at once. Returns the row as it stands.
 */
export async function requestKaspiAction(container: MedusaContainer, input: RequestKaspiActionInput): Promise<KaspiActionRow> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const { result } = await requestKaspiActionWorkflow(container).run({ input })
  const o = kaspi.getResolvedOptions().actions
  if (o.sendImmediately && !o.dryRun) await deliverKaspiAction(container, result.id)
  let [row] = await kaspi.listKaspiActions({ id: result.id })
  for (const started = Date.now(); row?.status === "sending" && Date.now() - started < WAIT_FOR_OTHER_SENDER_MS; ) {
    await new Promise((r) => setTimeout(r, 100))
    ;[row] = await kaspi.listKaspiActions({ id: result.id })
  }
  return row
}
