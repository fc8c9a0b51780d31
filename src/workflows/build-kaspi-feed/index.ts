import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { evaluateGuards } from "../../lib/feed/guards"
import { createKaspiFeedBuildStep } from "./steps/create-kaspi-feed-build"
import { diffKaspiFeedStep } from "./steps/diff-kaspi-feed"
import { finishKaspiFeedBuildStep } from "./steps/finish-kaspi-feed-build"
import { generateKaspiFeedFileStep } from "./steps/generate-kaspi-feed-file"
import { loadKaspiFeedContextStep } from "./steps/load-kaspi-feed-context"
import { publishKaspiFeedBuildStep } from "./steps/publish-kaspi-feed-build"

export const BUILD_KASPI_FEED_WORKFLOW = "build-kaspi-feed"
/** A build the guards held back (the live feed stays): `{ account_id, build_id }`. */
export const KASPI_FEED_REFUSED_EVENT = "kaspi.feed.refused"

export interface BuildKaspiFeedInput {
  account_id: string
  /** Id of the history row to create (the caller makes it, so it can record a failure on it). */
  build_id: string
  trigger: "schedule" | "manual"
  /** Publish even if the removed-share guard objects (never an empty feed). */
  force?: boolean
  /** ISO time for the feed's date attribute (tests); default now. */
  now?: string
}

/**
 * Builds one account's kaspi_catalog: read the catalog page by page → map and
 * validate each offer → stream the XML to a temp file → diff against the live
 * feed → guards → publish (or keep the last good feed) → housekeeping. It
 * never runs on a feed request; the job and the admin "rebuild" call it,
 * under a per-account lock (see run-kaspi-feed-build.ts).
 *
 * @example
 * await buildKaspiFeedWorkflow(container).run({
 *   input: { account_id: "default", build_id: generateEntityId(undefined, "kfbld"), trigger: "manual" },
 * })
 */
export const buildKaspiFeedWorkflow = createWorkflow(BUILD_KASPI_FEED_WORKFLOW, (input: BuildKaspiFeedInput) => {
  const context = loadKaspiFeedContextStep({ account_id: input.account_id, now: input.now })
  const buildInput = transform({ input }, ({ input }) => ({
    build_id: input.build_id,
    account_id: input.account_id,
    trigger: input.trigger,
    forced: Boolean(input.force),
  }))
  const build = createKaspiFeedBuildStep(buildInput)
  const generated = generateKaspiFeedFileStep({ build_id: input.build_id, context })
  const diffInput = transform({ context, generated }, ({ context, generated }) => ({
    live_build_id: context.live_build_id,
    manifest_gz_path: generated.manifest_gz_path,
  }))
  const diff = diffKaspiFeedStep(diffInput)
  const publishInput = transform({ input, context, generated, diff, build }, (d) => ({
    build: d.build,
    generated: d.generated,
    diff: d.diff,
    decision: evaluateGuards(d.diff, { maxRemovedShare: d.context.settings.max_removed_share, force: d.input.force }),
    unchanged: d.context.live_body_hash !== null && d.context.live_body_hash === d.generated.body_hash,
  }))
  const published = publishKaspiFeedBuildStep(publishInput)
  when("kaspi-feed-refused", { published }, ({ published }) => published.status === "refused").then(() => {
    emitEventStep({
      eventName: KASPI_FEED_REFUSED_EVENT,
      data: transform({ input }, ({ input }) => ({ account_id: input.account_id, build_id: input.build_id })),
    })
  })
  const finishInput = transform({ input, context, generated }, (d) => ({
    account_id: d.input.account_id,
    build_id: d.input.build_id,
    paths: [d.generated.xml_gz_path, d.generated.manifest_gz_path],
    history_size: d.context.settings.history_size,
  }))
  const result = finishKaspiFeedBuildStep(finishInput)
  return new WorkflowResponse(result)
})
