import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import { SecretToken } from "../../../../../../modules/kaspi/secret"
import KaspiModuleService, { KaspiTokenStoreError } from "../../../../../../modules/kaspi/service"
import type { AdminStoreKaspiTokenType } from "../../../validators"
import { configuredAccountId } from "../../../configured-account"
import type { AdminClearKaspiTokenResponse, AdminKaspiTokenRejectedResponse, AdminStoreKaspiTokenResponse } from "../../../../../../types"

/** Kaspi's answers that mean "this token is wrong", as opposed to "Kaspi could not be asked". */
const REJECTED = new Set(["unauthorized", "forbidden"])

function refuse(e: unknown): never {
  if (e instanceof KaspiTokenStoreError) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, e.message)
  throw e
}

/**
 * POST /admin/kaspi/accounts/:id/token {token, verify}: stores the token
 * encrypted (write-only: the response describes the account, never the
 * token). With verify (the default) Kaspi is asked first: a token Kaspi
 * rejects is not stored; when Kaspi cannot be reached (timeouts from outside
 * Kazakhstan are common) it is stored and the response says it is unchecked.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminStoreKaspiTokenType>,
  res: MedusaResponse<AdminStoreKaspiTokenResponse | AdminKaspiTokenRejectedResponse>
) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const accountId = configuredAccountId(kaspi, req.params.id)
  const { token, verify } = req.validatedBody
  const connection = verify ? await kaspi.testConnection(accountId, new SecretToken(token)) : null
  if (connection && !connection.ok && connection.kind && REJECTED.has(connection.kind)) {
    // `message` is what the admin shows; the token itself is never echoed.
    res.status(400).json({ type: "invalid_data", message: `Kaspi rejected this token: ${connection.message}`, saved: false, connection })
    return
  }
  const account = await kaspi.storeAccountToken(accountId, token, req.auth_context?.actor_id).catch(refuse)
  await kaspi.logKaspiEvent({
    account_id: accountId,
    type: "token_stored",
    message: connection?.ok ? "API token stored (encrypted), Kaspi accepted it" : "API token stored (encrypted)",
    data: { by: req.auth_context?.actor_id ?? null, verified: connection?.ok ?? null },
  })
  res.json({ saved: true, account, connection })
}

/** DELETE /admin/kaspi/accounts/:id/token: forgets the stored token. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminClearKaspiTokenResponse>) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const accountId = configuredAccountId(kaspi, req.params.id)
  const account = await kaspi.clearAccountToken(accountId)
  await kaspi.logKaspiEvent({
    account_id: accountId,
    type: "token_cleared",
    message: "Stored API token removed",
    data: { by: req.auth_context?.actor_id ?? null },
  })
  res.json({ account, deleted: true })
}
