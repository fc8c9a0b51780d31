import { Button, Container, StatusBadge, Text } from "@medusajs/ui"
import { Fragment, useState, type ReactNode } from "react"
import { InlineError, SectionHeader } from "../common/section"
import { useSubmit } from "../common/use-submit"
import { AccountTokenField } from "./account-token-field"
import { KaspiCheckPanel } from "./kaspi-check-panel"
import { errorMessage, kaspiApi } from "../../lib/api"
import { useKaspiT } from "../../lib/i18n"
import { useKaspiAccounts } from "../../lib/queries"
import type { ConnectionResult, KaspiAccount } from "../../lib/types"

/** Every KaspiErrorKind has its own words (RU/EN); Kaspi's own text, when it sent one, is shown beside them as written. */
const EXPLAINED = ["unauthorized", "forbidden", "timeout", "network", "not_configured", "not_found", "bad_request", "rate_limited", "server_error", "invalid_response"]

/** The connection test's result in plain words, per Kaspi error kind (401, 403, timeout …). */
function ConnectionLine({ result }: { result: ConnectionResult }) {
  const { t } = useKaspiT()
  if (result.ok) return <StatusBadge color="green">{t("accounts.ok")}</StatusBadge>
  const text = result.kind && EXPLAINED.includes(result.kind) ? t(`accounts.fail_${result.kind}`) : t("accounts.fail_other", { message: result.message })
  return <InlineError>{result.kaspi_said ? `${text} ${t("accounts.kaspiSaid", { words: result.kaspi_said })}` : text}</InlineError>
}

function AccountRow({ account }: { account: KaspiAccount }) {
  const { t } = useKaspiT()
  const [result, setResult] = useState<ConnectionResult | null>(null)
  const { run, busy: testing, error } = useSubmit()
  const test = () =>
    run(async () => {
      setResult(null)
      setResult((await kaspiApi.testConnection(account.id)).connection)
    })
  const details: Array<[string, ReactNode]> = [
    [t("accounts.account"), <Text size="small">{account.name ? `${account.name} (${account.id})` : account.id}</Text>],
    [t("accounts.merchantId"), <Text size="small" className="font-mono">{account.merchantId}</Text>],
    [t("accounts.token"), <AccountTokenField account={account} />],
    [t("accounts.apiUrl"), <Text size="small" className="font-mono break-all">{account.apiUrl}</Text>],
  ]
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="kaspi-account" data-account={account.id}>
      <div className="flex items-start justify-between gap-x-4">
        <div className="grid grid-cols-[160px_1fr] gap-x-4 gap-y-1.5">
          {details.map(([label, value], i) => (
            <Fragment key={i}>
              <Text size="small" weight="plus" className="text-ui-fg-subtle">
                {label}
              </Text>
              {value}
            </Fragment>
          ))}
        </div>
        <Button size="small" variant="secondary" className="shrink-0" isLoading={testing} onClick={test} data-testid="kaspi-test-connection">
          {t("accounts.test")}
        </Button>
      </div>
      <div data-testid="kaspi-connection-result">
        {result ? <ConnectionLine result={result} /> : null}
        <InlineError>{error}</InlineError>
      </div>
      <KaspiCheckPanel accountId={account.id} />
    </div>
  )
}

/** The shops from the plugin options, each with its token (write-only) and a connection test. */
export function AccountsSection() {
  const { t } = useKaspiT()
  const { data, error } = useKaspiAccounts()
  return (
    <Container className="divide-y p-0" data-testid="kaspi-accounts">
      <SectionHeader title={t("accounts.title")} subtitle={t("accounts.configuredIn")} />
      {error ? <InlineError className="px-6 py-4">{t("common.error", { message: errorMessage(error) })}</InlineError> : null}
      {(data?.accounts ?? []).map((a) => (
        <AccountRow key={a.id} account={a} />
      ))}
    </Container>
  )
}
