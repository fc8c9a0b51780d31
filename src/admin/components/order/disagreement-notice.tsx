import { Alert, Text } from "@medusajs/ui"
import { ResolveDisagreementDrawer } from "./resolve-disagreement-drawer"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { disagreementWords } from "../../lib/kaspi-words"
import type { KaspiDisagreement } from "../../lib/types"

/**
 * Medusa and Kaspi no longer say the same about this order (Kaspi refused a
 * change Medusa had made, never heard it, or Medusa could not follow Kaspi):
 * said where the merchant looks, with the other side's own words, until a
 * person marks it resolved.
 */
export function DisagreementNotice({ orderRef, code, disagreement }: { orderRef: string; code: string; disagreement: KaspiDisagreement | null }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  if (!disagreement) return null
  const { text, said } = disagreementWords(t, disagreement)
  return (
    <div className="px-6 py-4" data-testid="kaspi-disagreement" data-kind={disagreement.kind}>
      <Alert variant="error">
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            {t("agreement.title")}
          </Text>
          <Text size="small">
            {text} {t("agreement.since", { date: formatDateTime(disagreement.at, locale) })}
          </Text>
          {said ? (
            <Text size="small" className="break-words" data-testid="kaspi-disagreement-said">
              {said}
            </Text>
          ) : null}
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("agreement.hint")}
          </Text>
          <div>
            <ResolveDisagreementDrawer orderRef={orderRef} code={code} />
          </div>
        </div>
      </Alert>
    </div>
  )
}
