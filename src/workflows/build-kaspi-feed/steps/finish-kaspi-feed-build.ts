import { rm } from "node:fs/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { pruneFeedBuilds } from "../../../lib/feed/feed-store"

/** Deletes the temporary files and prunes old builds and their bytes. Nothing to undo. */
export const finishKaspiFeedBuildStep = createStep(
  "finish-kaspi-feed-build",
  async (input: { account_id: string; build_id: string; paths: string[]; history_size: number }, { container }) => {
    await Promise.allSettled(input.paths.map((p) => rm(p, { force: true })))
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    await pruneFeedBuilds(kaspi, input.account_id, input.history_size)
    const [build] = await kaspi.listKaspiFeedBuilds({ id: input.build_id }, { take: 1 })
    return new StepResponse(build)
  }
)
