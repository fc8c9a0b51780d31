import { Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { InlineError, Muted } from "../common/section"
import { errorMessage, errorStatus } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { kaspiKeys } from "../../lib/queries"

/**
 * Loads one tab of the feed (preview, report, diff) and shows it once it is
 * there, or the error, or that it is still loading. The report and the diff
 * are of the latest build, which a shop may not have yet: the API's 404 is
 * then an answer (`noBuild`), not a failure worth retrying.
 */
export function FeedPart<T>({
  accountId,
  part,
  load,
  noBuild,
  children,
}: {
  accountId: string
  part: "preview" | "report" | "diff"
  load: (accountId: string) => Promise<T>
  noBuild?: string
  children: (data: T) => ReactNode
}) {
  const { t } = useKaspiT()
  const { data, error, isLoading } = useQuery({ queryKey: kaspiKeys.feedPart(accountId, part), queryFn: () => load(accountId), ...(noBuild ? { retry: false } : {}) })
  if (noBuild && errorStatus(error) === 404) return <Muted>{noBuild}</Muted>
  if (error) return <InlineError>{errorMessage(error)}</InlineError>
  if (isLoading || !data) return <Text size="small">{t("common.loading")}</Text>
  return <>{children(data)}</>
}
