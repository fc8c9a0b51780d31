import type KaspiModuleService from "../../modules/kaspi/service"

/** Outbox statuses of an action Kaspi has not answered yet. */
export const ON_THE_WAY_STATUSES = ["pending", "sending"]

/** The actions of one Kaspi order still on their way to Kaspi (each named once). */
export async function actionsOnTheWay(kaspi: KaspiModuleService, kaspiOrderId: string): Promise<string[]> {
  const rows = await kaspi.listKaspiActions({ kaspi_order_id: kaspiOrderId, status: ON_THE_WAY_STATUSES }, { select: ["action"] })
  return [...new Set(rows.map((a) => a.action))]
}
