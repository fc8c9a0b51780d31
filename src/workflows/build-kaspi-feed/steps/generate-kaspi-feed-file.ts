import { rm } from "node:fs/promises"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateFeed, type GeneratedFeed } from "../../../lib/feed/generate-feed"
import type { SqlClient } from "../../../lib/feed/read-catalog"
import type { KaspiFeedContext } from "./load-kaspi-feed-context"

/**
 * Reads the catalog through Medusa's PG connection page by page and streams
 * the XML and its manifest to temporary gzip files (lib/feed/generate-feed.ts).
 * Undo: delete the files.
 */
export const generateKaspiFeedFileStep = createStep(
  "generate-kaspi-feed-file",
  async (input: { build_id: string; context: KaspiFeedContext }, { container }) => {
    const db = container.resolve<SqlClient>(ContainerRegistrationKeys.PG_CONNECTION)
    const generated = await generateFeed({
      db,
      settings: input.context.settings,
      stores: input.context.stores,
      header: input.context.header,
      name: input.build_id,
    })
    return new StepResponse<GeneratedFeed, string[]>(generated, [generated.xml_gz_path, generated.manifest_gz_path])
  },
  async (paths) => {
    await Promise.allSettled((paths ?? []).map((p) => rm(p, { force: true })))
  }
)
