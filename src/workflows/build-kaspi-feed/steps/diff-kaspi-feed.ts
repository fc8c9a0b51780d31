import { createReadStream } from "node:fs"
import { createInterface } from "node:readline"
import { createGunzip } from "node:zlib"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KASPI_MODULE } from "../../../modules/kaspi"
import type KaspiModuleService from "../../../modules/kaspi/service"
import { ManifestDiff, parseManifestLine, type FeedDiff } from "../../../lib/feed/diff"
import { loadManifest } from "../../../lib/feed/feed-store"

/** New manifest (temp file) against the live build's stored manifest: added / removed / price / stock changes. */
export const diffKaspiFeedStep = createStep(
  "diff-kaspi-feed",
  async (input: { live_build_id: string | null; manifest_gz_path: string }, { container }) => {
    const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
    const previous = input.live_build_id ? await loadManifest(kaspi, input.live_build_id) : null
    const diff = new ManifestDiff(previous)
    const lines = createInterface({ input: createReadStream(input.manifest_gz_path).pipe(createGunzip()), crlfDelay: Infinity })
    for await (const line of lines) {
      const e = parseManifestLine(line)
      if (e) diff.add(e)
    }
    return new StepResponse<FeedDiff>(diff.finish())
  }
)
