import type { MedusaContainer } from "@medusajs/framework/types"
import { KASPI_MODULE } from "../../modules/kaspi"
import type KaspiModuleService from "../../modules/kaspi/service"
import type { KaspiNotificationKind } from "../../modules/kaspi/notification-options"
import type { KaspiNotice } from "./build-kaspi-notification"
import { notifyKaspi } from "./notify-kaspi"
import type { KaspiDisagreement } from "../actions/disagreement"

export interface KaspiOrderFacts {
  import_status: string
  import_reason: string | null
  sync_problem: { reason?: string } | null
  disagreement: (Partial<Pick<KaspiDisagreement, "kind" | "action" | "said">> & { reason?: string }) | null
}

/**
 * Notifies about one Kaspi order (kaspi_order id), read as it is now: the
 * subscribers get only ids. `reasonOf` picks what to say, or null when the
 * order no longer needs it (resolved in between): then nothing is sent.
 */
export async function notifyAboutKaspiOrder(
  container: MedusaContainer,
  kind: KaspiNotificationKind,
  kaspiOrderId: string,
  reasonOf: (row: KaspiOrderFacts) => string | null | undefined = () => undefined,
  extra: Partial<KaspiNotice> | ((row: KaspiOrderFacts) => Partial<KaspiNotice>) = {}
): Promise<void> {
  const kaspi = container.resolve<KaspiModuleService>(KASPI_MODULE)
  const [row] = await kaspi.listKaspiOrders({ id: kaspiOrderId })
  if (!row) return
  const reason = reasonOf(row as unknown as KaspiOrderFacts)
  if (reason === null) return
  await notifyKaspi(container, {
    kind,
    account_id: row.account_id,
    subject: row.kaspi_id,
    code: row.code,
    order_id: row.order_id,
    reason,
    ...(typeof extra === "function" ? extra(row as unknown as KaspiOrderFacts) : extra),
  })
}

