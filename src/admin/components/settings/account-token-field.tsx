import { Badge, Button, Input, Text, toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { InlineError } from "../common/section"
import { useSubmit } from "../common/use-submit"
import { kaspiApi } from "../../lib/api"
import { formatDateTime } from "../../lib/format"
import { useKaspiT, useLocale } from "../../lib/i18n"
import { kaspiKeys } from "../../lib/queries"
import type { KaspiAccount } from "../../lib/types"

/** Where the account's token comes from, in words. */
function TokenSource({ account }: { account: KaspiAccount }) {
  const { t } = useKaspiT()
  const locale = useLocale()
  if (account.tokenProblem) {
    return (
      <Badge size="2xsmall" color="red" className="w-fit">
        {t("accounts.tokenProblem", { problem: account.tokenProblem })}
      </Badge>
    )
  }
  if (!account.hasToken) {
    return (
      <Badge size="2xsmall" color="red" className="w-fit">
        {t("accounts.tokenMissing")}
      </Badge>
    )
  }
  const source = account.tokenSource.startsWith("env:")
    ? t("accounts.source_env", { name: account.tokenSource.slice(4) })
    : t(`accounts.source_${account.tokenSource}`)
  return (
    <div className="flex flex-wrap items-center gap-x-2">
      <Badge size="2xsmall" color="green">
        {t("accounts.tokenSet", { source })}
      </Badge>
      {account.tokenStoredAt ? (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("accounts.storedAt", { when: formatDateTime(account.tokenStoredAt, locale) })}
        </Text>
      ) : null}
    </div>
  )
}

/**
 * The token, write-only: a password field that is cleared after every save
 * and never filled from the server (which never sends the token back). The
 * server checks it against Kaspi before keeping it.
 */
export function AccountTokenField({ account }: { account: KaspiAccount }) {
  const { t } = useKaspiT()
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(!account.hasToken && account.canStoreToken)
  const [value, setValue] = useState("")
  const { run, busy, error } = useSubmit()
  const fromConfig = account.tokenSource === "options" || account.tokenSource.startsWith("env:")

  const refresh = () => queryClient.invalidateQueries({ queryKey: kaspiKeys.accounts() })
  const save = () =>
    run(
      async () => {
        const res = await kaspiApi.storeToken(account.id, value)
        setValue("")
        setEditing(false)
        if (res.connection && !res.connection.ok) toast.warning(t("accounts.savedUnchecked", { message: res.connection.message }))
        else toast.success(t("accounts.saved"))
        await refresh()
      },
      // The server refuses a token Kaspi does not accept; say that it was not kept.
      { wrapError: (reason) => t("accounts.rejected", { reason }) }
    )
  const remove = async () => {
    if (!(await prompt({ title: t("accounts.removeToken"), description: t("accounts.removeConfirm") }))) return
    await run(async () => {
      await kaspiApi.clearToken(account.id)
      toast.success(t("accounts.removed"))
      await refresh()
    })
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid="kaspi-token">
      <TokenSource account={account} />
      {fromConfig ? (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("accounts.fromConfig")}
        </Text>
      ) : !account.canStoreToken ? (
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="kaspi-token-needs-key">
          {t("accounts.needsKey", { env: account.tokenKeyEnv })}
        </Text>
      ) : editing ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault()
            if (value.trim()) void save()
          }}
        >
          <Input
            type="password"
            size="small"
            autoComplete="off"
            className="min-w-[260px] flex-1"
            placeholder={t("accounts.enterToken")}
            aria-label={t("accounts.newToken")}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="kaspi-token-input"
          />
          <Button size="small" type="submit" isLoading={busy} disabled={!value.trim()} data-testid="kaspi-token-save">
            {t("accounts.saveToken")}
          </Button>
          {account.hasToken ? (
            <Button size="small" variant="transparent" type="button" onClick={() => setEditing(false)}>
              {t("accounts.cancel")}
            </Button>
          ) : null}
        </form>
      ) : (
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setEditing(true)} data-testid="kaspi-token-replace">
            {t("accounts.replaceToken")}
          </Button>
          {account.tokenSource === "stored" ? (
            <Button size="small" variant="transparent" isLoading={busy} onClick={remove} data-testid="kaspi-token-remove">
              {t("accounts.removeToken")}
            </Button>
          ) : null}
        </div>
      )}
      <InlineError>{error}</InlineError>
    </div>
  )
}
