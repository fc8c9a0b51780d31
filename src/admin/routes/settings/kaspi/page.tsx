import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Select, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { AccountsSection } from "../../../components/settings/accounts-section"
import { FeedSection } from "../../../components/settings/feed-section"
import { OptionsSection } from "../../../components/settings/options-section"
import { StoreMappingsSection } from "../../../components/settings/store-mappings-section"
import { SectionHeader } from "../../../components/common/section"
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
    <div className="flex flex-col gap-y-2" data-testid="kaspi-settings">
      <Container className="p-0">
        <SectionHeader
          level="h1"
          title={t("settings.title")}
          subtitle={t("settings.subtitle")}
          actions={
            list.length > 1 ? (
              <div className="w-56">
                <Select size="small" value={accountId} onValueChange={setPicked}>
                  <Select.Trigger>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {list.map((a) => (
                      <Select.Item key={a.id} value={a.id}>
                        {a.name ?? a.id} · {a.merchantId}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
            ) : null
          }
        />
      </Container>
      <AccountsSection />
      {accountId ? (
        <>
          <OptionsSection accountId={accountId} options={overview.data?.options} />
          <StoreMappingsSection accountId={accountId} />
          <FeedSection accountId={accountId} />
        </>
      ) : accounts.isSuccess ? (
        <Container className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {t("accounts.configuredIn")}
          </Text>
        </Container>
      ) : null}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.settings",
  translationNs: "kaspi",
})

export default KaspiSettingsPage
