import { StatusBadge, Text } from "@medusajs/ui"
import { serverText } from "../../lib/server-text"
import { Stat } from "../common/stat"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { formatBytes, formatDateTime, formatDuration } from "../../lib/format"
import type { BadgeColor } from "../../lib/kaspi-words"
import type { FeedBuild } from "../../lib/types"

const COLOR: Record<FeedBuild["status"], BadgeColor> = { running: "blue", published: "green", unchanged: "grey", refused: "orange", failed: "red" }

/** One build's numbers: outcome, offers, skipped, warnings, when, how long, how big. */
export function FeedBuildStats({ title, build }: { title: string; build: FeedBuild | null }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-feed-build" data-status={build?.status ?? "none"}>
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus">
          {title}
        </Text>
        {build ? <StatusBadge color={COLOR[build.status]}>{t(`feed.buildStatus.${build.status}`)}</StatusBadge> : null}
      </div>
      {build ? (
        <>
          <div className="grid grid-cols-3 gap-3 md:grid-cols-6">
            <Stat label={t("feed.offers")} value={build.offers_count} testId="kaspi-feed-offers" />
            <Stat label={t("feed.skipped")} value={build.skipped_count} />
            <Stat label={t("feed.excluded")} value={build.excluded_count} />
            <Stat label={t("feed.warnings")} value={build.warnings_count} />
            <Stat label={t("feed.duration")} value={formatDuration(build.duration_ms)} />
            <Stat label={t("feed.size")} value={formatBytes(build.bytes)} />
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("feed.finished")}: {formatDateTime(build.finished_at ?? build.started_at, locale)}
          </Text>
          {build.message ? (
            <Text size="xsmall" className={build.status === "refused" || build.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              {serverText(t, build.refusal_text, build.message)}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("feed.noBuild")}
        </Text>
      )}
    </div>
  )
}
