import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KASPI_MODULE } from "../../../../../../modules/kaspi"
import type KaspiModuleService from "../../../../../../modules/kaspi/service"
import { findKaspiOrderRow } from "../../../../../../lib/outbox/find-kaspi-order-row"
import { syncKaspiOrderByCode } from "../../../../../../lib/sync/sync-kaspi-orders"
import type { AdminResolveKaspiDisagreementType } from "../../../validators"
import type { AdminKaspiOrderListItem, AdminResolveKaspiDisagreementResponse } from "../../../../../../types"
import { KASPI_ORDER_LIST_FIELDS } from "../../list-fields"
import { withDeadlines } from "../../with-deadlines"

/**
 * POST /admin/kaspi/orders/:id/resolve: a person has settled a disagreement
 * (cancelled it on Kaspi after all, restored the Medusa order, …). Kaspi is
 * read again first, so our record and the Medusa order follow what Kaspi says
 * now; then the flag is cleared and the history says who resolved it, with
 * the note. `:id` is the kord_ id, the Medusa order id or the Kaspi code.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<AdminResolveKaspiDisagreementType>,
  res: MedusaResponse<AdminResolveKaspiDisagreementResponse>
) {
  const kaspi = req.scope.resolve<KaspiModuleService>(KASPI_MODULE)
  const row = await findKaspiOrderRow(kaspi, req.params.id)
  await syncKaspiOrderByCode(req.scope, row.account_id, row.code)
  const by = req.auth_context?.actor_id ?? "admin"
  const note = req.validatedBody.note ?? null
  await kaspi.updateKaspiOrders({ id: row.id, disagreement: null })
  await kaspi.logKaspiEvent({
    account_id: row.account_id,
    kaspi_order_id: row.id,
    kaspi_code: row.code,
    type: "agreement.resolved",
    result: "ok",
    message: `Disagreement marked resolved by ${by}${note ? `: ${note}` : ""}`,
    text: { code: "agreement.resolved", params: { by, note: note ? `: ${note}` : "" } },
    data: { was: (row as { disagreement?: unknown }).disagreement ?? null },
  })
  const [after] = withDeadlines(kaspi, await kaspi.listKaspiOrders({ id: row.id }, { select: [...KASPI_ORDER_LIST_FIELDS] }))
  res.json({ kaspi_order: after as AdminKaspiOrderListItem })
}
