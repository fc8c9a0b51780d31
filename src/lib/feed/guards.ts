import type { FeedDiff } from "./diff"
import type { KaspiText } from "../../types"

export type GuardCode = "empty_feed" | "too_many_removed"

export type GuardDecision =
  | { publish: true; overridden?: GuardCode }
  | { publish: false; code: GuardCode; message: string }

/** A share as the refusal says it: 0.6667 → "66.7%". */
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/**
 * Whether a finished build may replace the live feed. A Kaspi feed that loses
 * offers takes them off sale, so:
 * - an empty feed is never published (and the XSD needs at least one offer);
 * - a feed that drops more than `maxRemovedShare` of the previous published
 *   offers is held back, unless the owner forces it (admin "rebuild" with
 *   force: true) after checking the diff.
 * A refused build leaves the last good feed live.
 */
export function evaluateGuards(
  diff: Pick<FeedDiff, "offers" | "previous_offers" | "removed">,
  opts: { maxRemovedShare: number; force?: boolean }
): GuardDecision {
  if (diff.offers === 0) {
    return {
      publish: false,
      code: "empty_feed",
      message:
        "The new feed has no valid offers, so it was not published and the last good feed stays live. " +
        "Check the validation report, the publication filters and the price source.",
    }
  }
  if (diff.previous_offers > 0) {
    const share = diff.removed / diff.previous_offers
    if (share > opts.maxRemovedShare) {
      if (opts.force) return { publish: true, overridden: "too_many_removed" }
      return {
        publish: false,
        code: "too_many_removed",
        message:
          `The new feed drops ${diff.removed} of ${diff.previous_offers} offers (${pct(share)}), more than the ` +
          `allowed ${pct(opts.maxRemovedShare)}, so it was not published and the last good feed stays live. ` +
          "If the drop is intended, rebuild with force, or raise max_removed_share.",
      }
    }
  }
  return { publish: true }
}

/**
 * A refused build's reason as a server sentence (its code and parameters, from
 * the build's stored refusal code and diff), for the admin and the
 * notification to say in the reader's language. Null for a build that was not
 * refused by a guard.
 */
export function feedRefusalText(build: { refusal_code?: string | null; diff?: unknown }): KaspiText | null {
  if (build.refusal_code === "empty_feed") return { code: "feed.refused.empty_feed", params: {} }
  if (build.refusal_code !== "too_many_removed") return null
  const d = (build.diff ?? {}) as Partial<Pick<FeedDiff, "removed" | "previous_offers">>
  const removed = Number(d.removed ?? 0)
  const previous = Number(d.previous_offers ?? 0)
  const share = previous > 0 ? pct(removed / previous) : "—"
  return { code: "feed.refused.too_many_removed", params: { removed, previous, share } }
}
