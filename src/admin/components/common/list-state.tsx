import { InlineError, Muted } from "./section"
import { errorMessage } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"

/** Under a list's header: the error that kept it from loading, or `none` once it loaded empty. */
export function ListState({ isError, error, empty, none }: { isError: boolean; error: unknown; empty: boolean; none: string }) {
  const { t } = useKaspiT()
  if (isError) return <InlineError className="px-6 py-4">{t("common.error", { message: errorMessage(error) })}</InlineError>
  if (!empty) return null
  return (
    <div className="px-6 py-4">
      <Muted>{none}</Muted>
    </div>
  )
}
