import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AccountPicker } from "../../../components/settings/account-picker"
import { AccountsSection } from "../../../components/settings/accounts-section"
import { FeedSection } from "../../../components/settings/feed-section"
import { OptionsSection } from "../../../components/settings/options-section"
import { StoreMappingsSection } from "../../../components/settings/store-mappings-section"
import { Page } from "../../../components/common/page"
import { MissingSetup } from "../../../components/common/section"
import { startOfToday } from "../../../lib/format"
import { useKaspiT } from "../../../lib/i18n"
import { useKaspiAccounts, useKaspiOverview } from "../../../lib/queries"

/** Settings → Kaspi: shops and connection tests, order options, store ↔ stock location mapping, the price-list feed. */
const KaspiSettingsPage = () => {
  const { t } = useKaspiT()
  const accounts = useKaspiAccounts()
  const overview = useKaspiOverview(useMemo(startOfToday, []))
  const list = accounts.data?.accounts ?? []
  const [picked, setPicked] = useState<string | null>(null)
  const accountId = picked ?? list[0]?.id

  return (
    <Page
      testId="kaspi-settings"
      title={t("settings.title")}
      subtitle={t("settings.subtitle")}
      actions={list.length > 1 ? <AccountPicker accounts={list} value={accountId} onChange={setPicked} /> : null}
    >
      <AccountsSection />
      {accountId ? (
        <>
          <OptionsSection accountId={accountId} options={overview.data?.options} />
          <StoreMappingsSection accountId={accountId} />
          <FeedSection accountId={accountId} />
        </>
      ) : accounts.isSuccess ? (
        <Container className="px-6 py-4">
          <MissingSetup>{t("accounts.configuredIn")}</MissingSetup>
        </Container>
      ) : null}
    </Page>
  )
}

export const config = defineRouteConfig({
  label: "nav.settings",
  translationNs: "kaspi",
})

export default KaspiSettingsPage
