import type KaspiModuleService from "../../modules/kaspi/service"

/**
 * Moves an order to the back of the open-orders queue (updated_at ascending,
 * reconcile-open-kaspi-orders) when reconciling it did not refresh its record,
 * so one that fails every time does not take the first places of every run.
 * updated_at is not among the model's update fields in the types, but the
 * column is written like any other.
 */
export async function toBackOfQueue(kaspi: KaspiModuleService, kaspiOrderId: string): Promise<void> {
  await kaspi.updateKaspiOrders({ id: kaspiOrderId, updated_at: new Date() } as { id: string })
}
