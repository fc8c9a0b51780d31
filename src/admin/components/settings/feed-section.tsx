import { Button, Container, Copy, Input, Label, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { ArrowPath } from "@medusajs/icons"
import { FeedBuildStats } from "./feed-build-stats"
import { FeedSettingsForm } from "./feed-settings-form"
import { FeedTabs } from "./feed-tabs"
import { Field } from "../common/field"
import { InlineError, SectionHeader } from "../common/section"
import { useToastedCall } from "../common/use-toasted-call"
import { errorMessage, kaspiApi } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { useKaspiFeed } from "../../lib/queries"

/** The price-list feed of one shop: on/off, the URL for the Kaspi cabinet, builds, settings, preview/report/diff. */
export function FeedSection({ accountId }: { accountId: string }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  const prompt = usePrompt()
  const feed = useKaspiFeed(accountId)
  const { busy, call } = useToastedCall<"enable" | "rebuild" | "rotate">()

  const act = (kind: "enable" | "rebuild" | "rotate", fn: () => Promise<string | void>) =>
    call(kind, async () => {
      const message = await fn()
      if (message) toast.success(message)
    })

  const rebuild = () =>
    act("rebuild", async () => {
      const { build } = await kaspiApi.rebuildFeed(accountId)
      return t("feed.rebuilt", { status: t(`feed.buildStatus.${build.status}`), offers: build.offers_count })
    })
  const rotate = async () => {
    const ok = await prompt({ title: t("feed.rotateTitle"), description: t("feed.rotateText"), confirmText: t("feed.rotate"), cancelText: t("common.cancel") })
    if (ok) await act("rotate", async () => (await kaspiApi.rotateFeedSecret(accountId), t("feed.rotated")))
  }

  if (feed.error) return <InlineError>{t("common.error", { message: errorMessage(feed.error) })}</InlineError>
  const f = feed.data?.feed
  if (!f) return null
  const url = f.feed_url ?? `${window.location.origin}${f.feed_path}`
  return (
    <>
      <Container className="divide-y p-0" data-testid="kaspi-feed">
        <SectionHeader
          title={t("feed.title")}
          actions={
            <Button size="small" variant="secondary" isLoading={busy === "rebuild"} onClick={rebuild} data-testid="kaspi-feed-rebuild">
              <ArrowPath />
              {t("feed.rebuild")}
            </Button>
          }
        />
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col">
            <Label size="small" weight="plus" htmlFor="kaspi-feed-enabled">
              {t("feed.enabled")}
            </Label>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("feed.enabledHint")}
            </Text>
          </div>
          <Switch
            id="kaspi-feed-enabled"
            checked={f.enabled}
            disabled={busy === "enable"}
            onCheckedChange={(enabled) => act("enable", async () => void (await kaspiApi.updateFeedConfig(accountId, { enabled })))}
            data-testid="kaspi-feed-enabled"
          />
        </div>
        <Field label={t("feed.url")} hint={t("feed.urlHint")} className="px-6 py-4">
          <div className="flex items-center gap-x-2">
            <div className="flex-1">
              <Input readOnly value={url} className="font-mono" onFocus={(e) => e.currentTarget.select()} data-testid="kaspi-feed-url" />
            </div>
            <Copy content={url} variant="mini" className="text-ui-fg-muted" data-testid="kaspi-feed-copy" />
            <Button size="small" variant="secondary" isLoading={busy === "rotate"} onClick={rotate} data-testid="kaspi-feed-rotate">
              {t("feed.rotate")}
            </Button>
          </div>
        </Field>
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <FeedBuildStats title={t("feed.latestBuild")} build={f.latest_build} />
          {f.live_build && f.live_build.id !== f.latest_build?.id ? <FeedBuildStats title={t("feed.liveBuild")} build={f.live_build} /> : null}
          {f.next_build_due_at ? (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("feed.nextBuild")}: {formatDateTime(f.next_build_due_at, locale)}
            </Text>
          ) : null}
          {f.problems.length ? (
            <div className="flex flex-col gap-y-1" data-testid="kaspi-feed-problems">
              <Text size="small" weight="plus">
                {t("feed.problems")}
              </Text>
              {f.problems.map((p) => (
                <InlineError key={p}>{p}</InlineError>
              ))}
            </div>
          ) : null}
        </div>
      </Container>
      <FeedTabs accountId={accountId} />
      <FeedSettingsForm accountId={accountId} settings={f.settings} />
    </>
  )
}
