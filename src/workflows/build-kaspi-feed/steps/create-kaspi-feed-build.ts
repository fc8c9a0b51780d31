import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"

/** The build's history row, "running" until the publish step settles it. Undo: mark it failed. */
export const createKaspiFeedBuildStep = createStep(
  "create-kaspi-feed-build",
  async (input: { build_id: string; account_id: string; trigger: string; forced: boolean }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const build = await kaspi.createKaspiFeedBuilds({
      id: input.build_id,
      account_id: input.account_id,
      trigger: input.trigger,
      forced: input.forced,
      status: "running",
      started_at: new Date(),
    })
    return new StepResponse({ id: build.id as string, started_at: build.started_at as Date }, build.id as string)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<KaspiModuleService>(KASPI_MODULE).updateKaspiFeedBuilds({
      id,
      status: "failed",
      finished_at: new Date(),
      message: "The build failed before it could be published; the last good feed stays live.",
    })
  }
)
